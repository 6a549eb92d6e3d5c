//! The generated site, read as files: structure, links, escaping, sitemap.

mod common;

use common::*;

fn build(dir: &std::path::Path) -> std::path::PathBuf {
    let out = run(&["build"], dir);
    assert!(out.status.success(), "{}", text(&out.stderr));
    dir.join("output/site")
}

fn read(site: &std::path::Path, rel: &str) -> String {
    std::fs::read_to_string(site.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn every_page_of_the_model_is_generated() {
    let dir = fixture("minimal");
    let site = build(dir.path());
    for page in [
        "index.html",
        "404.html",
        "static/style.css",
        "institutions/clinic/index.html",
        "institutions/clinic/display.html",
        "institutions/clinic/departments/nursing.html",
        "institutions/clinic/posts/nurse.html",
        "institutions/clinic/people/zhao-min.html",
        "pages/about.html",
    ] {
        assert!(site.join(page).is_file(), "{page}");
    }
    let html = read(&site, "index.html");
    assert!(html.contains(r#"<html lang="zh-CN">"#));
    assert!(html.contains("测试卫生院"));
}

#[test]
fn the_duty_card_lists_numbered_duties_and_marks_the_posts_own() {
    let dir = fixture("minimal");
    let site = build(dir.path());
    let card = read(&site, "institutions/clinic/posts/nurse.html");
    assert!(card.contains("<h1 class=\"card-title\">护士</h1>"), "{card}");
    // The tag is not searched: "本岗位" read as the start of every excerpt of a post's own duty.
    assert!(card.contains(r#"<li class="duty duty-post" value="3"><span class="duty-text">正确使用医用氧气瓶；</span> <span class="tag" title="本岗位职责" data-pagefind-ignore>本岗位</span>"#), "{card}");
    // The category's items are searched on the category's page, not on each post that prints them.
    assert!(card.contains(
        r#"value="4" data-pagefind-ignore><span class="duty-text">法律、法规、规章规定的其他安全生产职责。</span>"#
    ));
    assert!(!card.contains(r#"value="3" data-pagefind-ignore"#), "the post's own duty is searched here");
    for heading in ["责任范围", "安全生产职责", "考核标准", "奖惩办法", "责任人员"] {
        assert!(card.contains(heading), "{heading}");
    }
    assert!(card.contains(r#"<a href="../../../institutions/clinic/people/zhao-min.html">赵敏</a>"#));
    // Breadcrumbs: home, institution, department, this page, in that order.
    let crumbs = [
        r#"<a href="../../../index.html">首页</a>"#,
        r#"<a href="../../../institutions/clinic/index.html">测试卫生院</a>"#,
        r#"<a href="../../../institutions/clinic/departments/nursing.html">护理组</a>"#,
        r#"<li aria-current="page">护士</li>"#,
    ];
    let at: Vec<usize> = crumbs.iter().map(|c| card.find(c).unwrap_or_else(|| panic!("{c}"))).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
}

#[test]
fn links_are_relative_and_nothing_is_loaded_from_outside() {
    let dir = fixture("minimal");
    let site = build(dir.path());
    for entry in walkdir::WalkDir::new(&site) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "html") {
            let html = std::fs::read_to_string(entry.path()).unwrap();
            for bad in ["href=\"/", "src=\"/", "http://", "https://", "&#x2F;"] {
                assert!(!html.contains(bad), "{}: {bad}", entry.path().display());
            }
        }
    }
}

#[test]
fn content_is_escaped_everywhere() {
    let dir = fixture("minimal");
    let post = dir.path().join("content/institutions/clinic/posts/nurse.yaml");
    std::fs::write(
        &post,
        "name: 护士<b>\ndepartment: nursing\ncategory: employee\nscope: \"<script>alert('x')</script>\"\nduties:\n  add: [\"<img src=x onerror=alert(1)>\"]\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("content/pages/about.md"),
        "---\ntitle: 关于\n---\n\n<script>alert(2)</script>\n\n正文 <b>粗</b>\n",
    )
    .unwrap();
    let site = build(dir.path());
    let card = read(&site, "institutions/clinic/posts/nurse.html");
    assert!(!card.contains("<script>") && !card.contains("<img") && !card.contains("<b>"), "{card}");
    assert!(
        card.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;&#x2F;script&gt;")
            || card.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
    );
    let page = read(&site, "pages/about.html");
    assert!(!page.contains("<script>") && !page.contains("<b>"), "{page}");
    assert!(page.contains("&lt;script&gt;"));
}

#[test]
fn the_public_display_shows_every_post_with_scope_and_criteria() {
    let dir = fixture("minimal");
    let site = build(dir.path());
    let display = read(&site, "institutions/clinic/display.html");
    assert!(display.contains("全员安全生产责任制公示"));
    assert_eq!(display.matches("<article class=\"card\"").count(), 2);
    assert!(display.contains("全院安全生产工作") && display.contains("全年无违章作业行为"));
    assert!(display.contains("page-display"), "print rules key on this class");
}

/// A role category's page holds its items once for search and lists the posts that inherit
/// them, by institution; a post's card links to it; two categories with the same item index
/// it once.
#[test]
fn a_category_page_lists_its_duties_once_and_the_posts_that_hold_them() {
    let dir = fixture("minimal");
    let principal = dir.path().join("content/categories/principal.yaml");
    let yaml = std::fs::read_to_string(&principal).unwrap();
    // The principal's category also has the employees' first item.
    let shared = "认真遵守安全生产规章制度和安全操作规程；";
    std::fs::write(&principal, yaml.replacen("duties:\n", &format!("duties:\n  - \"{shared}\"\n"), 1)).unwrap();
    let site = build(dir.path());
    let page = read(&site, "categories/employee.html");
    assert!(page.contains("data-pagefind-body") && page.contains("类型:岗位类别职责"), "{page}");
    assert!(
        page.contains(r#"<li id="duty-2" value="2">做好本岗位安全检查，发现事故隐患立即排除或上报；</li>"#),
        "{page}"
    );
    // The last item is the principal's last item too: searched there.
    assert!(
        page.contains(r#"<li id="duty-3" value="3" data-pagefind-ignore>法律、法规、规章规定的其他安全生产职责。"#),
        "{page}"
    );
    assert!(
        page.contains(
            r#"<h3 data-pagefind-filter="单位"><a href="../institutions/clinic/index.html">测试卫生院</a></h3>"#
        ),
        "{page}"
    );
    assert!(page.contains(r#"<a href="../institutions/clinic/posts/nurse.html">护士</a>"#), "{page}");
    assert!(page.contains("共有 1 个岗位"), "{page}");
    let first = read(&site, "categories/principal.html");
    assert!(first.contains(&format!(r#"value="1">{shared}</li>"#)), "{first}");
    // The employees' page shows the item and sends search to the principal's.
    let item = page.split(shared).next().unwrap().rsplit("<li").next().unwrap();
    assert!(item.contains("data-pagefind-ignore"), "{page}");
    assert!(page.contains(r#"（同<a href="../categories/principal.html">"#), "{page}");
    let card = read(&site, "institutions/clinic/posts/nurse.html");
    assert!(
        card.contains(r#"<dt>岗位类别</dt><dd><a href="../../../categories/employee.html">从业人员</a></dd>"#),
        "{card}"
    );
}

#[test]
fn the_sitemap_lists_every_page_but_the_404_with_full_addresses() {
    let dir = fixture("minimal");
    // Sitemaps need full addresses: without a base URL there is none.
    assert!(!build(dir.path()).join("sitemap.xml").exists());
    let config = dir.path().join("content/safeduty.yaml");
    let yaml = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{yaml}base_url: http://safety.intranet/safety\n")).unwrap();
    let site = build(dir.path());
    let sitemap = read(&site, "sitemap.xml");
    assert!(
        sitemap.contains("<loc>http://safety.intranet/safety/institutions/clinic/posts/nurse.html</loc>"),
        "{sitemap}"
    );
    assert!(!sitemap.contains("404"));
    // Home, search, the clinic, its display and roster, departments, posts, people, categories.
    assert_eq!(sitemap.matches("<url>").count(), 13);
}

#[test]
fn a_content_repository_overrides_one_block_of_a_template_and_an_asset() {
    let dir = fixture("minimal");
    let theme = dir.path().join("content/theme");
    std::fs::create_dir_all(theme.join("templates")).unwrap();
    std::fs::create_dir_all(theme.join("static")).unwrap();
    std::fs::write(
        theme.join("templates/post.html"),
        "{% extends \"default/post.html\" %}{% block body_class %}page-card ours{% endblock body_class %}",
    )
    .unwrap();
    std::fs::write(theme.join("static/style.css"), "body { color: red; }").unwrap();
    std::fs::write(theme.join("static/logo.svg"), "<svg/>").unwrap();
    let site = build(dir.path());
    let card = read(&site, "institutions/clinic/posts/nurse.html");
    assert!(card.contains(r#"<body class="page-card ours">"#), "{card}");
    assert!(card.contains("正确使用医用氧气瓶"), "the rest of the built-in template is kept");
    assert_eq!(read(&site, "static/style.css"), "body { color: red; }");
    assert_eq!(read(&site, "static/logo.svg"), "<svg/>");
    // Other templates are still the built-in ones.
    assert!(read(&site, "index.html").contains("测试卫生院"));
}

#[test]
fn a_broken_template_or_link_fails_the_build_and_keeps_the_output() {
    let dir = fixture("minimal");
    assert!(run(&["build"], dir.path()).status.success());
    let before = snapshot(&dir.path().join("output"));
    let templates = dir.path().join("content/theme/templates");
    std::fs::create_dir_all(&templates).unwrap();

    std::fs::write(
        templates.join("person.html"),
        "{% extends \"base.html\" %}{% block main %}{{ name }{% endblock main %}",
    )
    .unwrap();
    let out = run(&["build"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("person.html"), "{}", text(&out.stderr));
    assert_eq!(snapshot(&dir.path().join("output")), before);

    std::fs::write(
        templates.join("person.html"),
        "{% extends \"base.html\" %}{% block main %}<a href=\"{{ root }}nowhere.html\">x</a>{% endblock main %}",
    )
    .unwrap();
    let out = run(&["build"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("broken internal link"), "{stderr}");
    assert!(stderr.contains("institutions/clinic/people/wang-li.html: ../../../nowhere.html"), "{stderr}");
    assert_eq!(snapshot(&dir.path().join("output")), before);
}

#[test]
fn warnings_from_check_are_shown_on_the_home_and_institution_pages() {
    let dir = fixture("minimal");
    std::fs::write(
        dir.path().join("content/institutions/clinic/posts/cleaner.yaml"),
        "name: 保洁员\ndepartment: nursing\ncategory: employee\nscope: 病区保洁\n",
    )
    .unwrap();
    let site = build(dir.path());
    let place = "institutions/clinic/posts/cleaner.yaml:1:7";
    for page in ["index.html", "institutions/clinic/index.html"] {
        let html = read(&site, page);
        assert!(html.contains("post-without-holder") && html.contains(place), "{page}: {html}");
    }
}

#[test]
fn the_404_page_links_absolutely_when_the_base_url_is_known() {
    let dir = fixture("minimal");
    std::fs::write(
        dir.path().join("content/safeduty.yaml"),
        "title: 测试站点\nbase_url: http://intranet.example/safety/\n",
    )
    .unwrap();
    let site = build(dir.path());
    let html = read(&site, "404.html");
    assert!(html.contains(r#"href="http://intranet.example/safety/static/style.css""#), "{html}");
    assert!(html.contains(r#"href="http://intranet.example/safety/index.html""#));
}

#[test]
fn the_search_index_is_built_offline_for_chinese_and_covers_the_cards() {
    let dir = fixture("minimal");
    let site = build(dir.path());
    let entry = read(&site, "pagefind/pagefind-entry.json");
    assert!(entry.contains("\"zh-cn\""), "{entry}");
    for file in [
        "pagefind/pagefind.js",
        "pagefind/pagefind-ui.js",
        "pagefind/pagefind-ui.css",
        "pagefind/wasm.unknown.pagefind",
    ] {
        assert!(site.join(file).is_file(), "{file}");
    }
    // One fragment per indexed page: cards, people, departments, categories, the institution
    // and pages, but not the home, the public display (it repeats every card), the 404 or
    // search pages.
    let fragments = std::fs::read_dir(site.join("pagefind/fragment")).unwrap().count();
    assert_eq!(fragments, 2 + 2 + 2 + 2 + 1 + 1);
    let search = read(&site, "search.html");
    assert!(search.contains("pagefind/pagefind-ui.js") && search.contains("file:"));
    for page in ["index.html", "institutions/clinic/display.html", "404.html", "search.html"] {
        assert!(!read(&site, page).contains("data-pagefind-body"), "{page} is not indexed");
    }
}

/// The example in parts of 100 pages: four bundles, the UI only in the first, every indexed
/// page in exactly one part, and the same bytes from one build to the next.
#[test]
fn a_big_site_is_indexed_in_parts_that_together_hold_every_page() {
    let dir = example();
    let content = dir.path().join("content");
    let fragments = |bundle: &std::path::Path| std::fs::read_dir(bundle.join("fragment")).unwrap().count();
    let site = |out: &str| {
        let built = run(&["build", "--only", "site", "-o", out], dir.path());
        assert!(built.status.success(), "{}", text(&built.stderr));
        dir.path().join(out).join("site")
    };
    let whole = fragments(&site("whole").join("pagefind"));

    let config = content.join("safeduty.yaml");
    let yaml = std::fs::read_to_string(&config).unwrap() + "search_part_pages: 100\n";
    std::fs::write(&config, yaml).unwrap();
    let parted = site("parted");
    let bundles = ["pagefind", "pagefind/parts/2", "pagefind/parts/3", "pagefind/parts/4"].map(|b| parted.join(b));
    assert!(!parted.join("pagefind/parts/5").exists());
    assert_eq!(bundles.iter().map(|b| fragments(b)).sum::<usize>(), whole);
    assert!(bundles[0].join("pagefind-ui.js").is_file());
    for bundle in &bundles[1..] {
        assert!(bundle.join("pagefind-entry.json").is_file() && bundle.join("pagefind.js").is_file());
        assert!(!bundle.join("pagefind-ui.js").exists(), "the UI is loaded once, from the first part");
    }
    let search = read(&parted, "search.html");
    assert!(
        search.contains(r#"["pagefind/","pagefind/parts/2/","pagefind/parts/3/","pagefind/parts/4/"]"#),
        "{search}"
    );
    let again = site("again");
    assert_eq!(snapshot(&again.join("pagefind")), snapshot(&parted.join("pagefind")));
}

/// A long Markdown page opens with a table of contents of its sections (readable on a phone).
#[test]
fn a_long_page_lists_its_sections_first() {
    let dir = example();
    let site = build(dir.path());
    let notice = read(&site, "pages/notices/wwjf-2022-124.html");
    let toc = notice.find("<nav class=\"toc\"").expect("a table of contents");
    let entry = notice.find("<li class=\"toc-3\"><a href=\"#sec-2\">一、明确全员岗位安全生产责任制</a></li>").unwrap();
    let heading = notice.find("<h3 id=\"sec-2\">一、明确全员岗位安全生产责任制</h3>").unwrap();
    assert!(toc < entry && entry < heading, "{notice}");
}

#[test]
fn a_person_page_shows_every_duty_of_the_posts_held() {
    let dir = fixture("minimal");
    let site = build(dir.path());
    let person = read(&site, "institutions/clinic/people/zhao-min.html");
    assert!(person.contains(r#"<h1 data-pagefind-filter="类型:人员">赵敏</h1>"#), "{person}");
    assert!(person.contains(r#"<a href="../../../institutions/clinic/posts/nurse.html">护士</a>"#), "{person}");
    assert_eq!(person.matches("class=\"duty-text\"").count(), 4);
    assert!(person.contains("正确使用医用氧气瓶；"));
}

/// Every output path has one writer. Ids that look like the site's own names (`index`,
/// `matrix`, `files`, `cards`, `letters`, `departments`, `search`, `static`, `pdf`) build, and
/// the build fails, rather than overwrite, if two things ever map to one path: so a build that
/// succeeds wrote no path twice.
#[test]
fn ids_like_the_sites_own_names_never_share_a_path() {
    let dir = fixture("campaign");
    let clinic = dir.path().join("content/institutions/clinic");
    let post = |id: &str, dept: &str| {
        let yaml = format!("name: 岗位{id}\ndepartment: {dept}\ncategory: employee\nscope: 本岗位\n");
        std::fs::write(clinic.join(format!("posts/{id}.yaml")), yaml).unwrap();
    };
    let names = ["index", "matrix", "files", "cards", "letters", "search", "static", "pdf", "scans"];
    let mut departments = std::fs::read_to_string(clinic.join("departments.yaml")).unwrap();
    let mut people = std::fs::read_to_string(clinic.join("people.yaml")).unwrap();
    for name in ["index", "departments", "cards", "letters"] {
        departments.push_str(&format!("- id: {name}\n  name: 科室{name}\n"));
    }
    for (i, name) in names.iter().enumerate() {
        post(name, ["index", "departments", "cards", "letters"][i % 4]);
        people.push_str(&format!("- id: {name}\n  name: 职工{i}\n  posts: [{name}]\n"));
    }
    std::fs::write(clinic.join("departments.yaml"), departments).unwrap();
    std::fs::write(clinic.join("people.yaml"), people).unwrap();
    for name in ["index", "search", "404", "matrix"] {
        let page = format!("---\ntitle: 页面{name}\n---\n\n正文。\n");
        std::fs::write(dir.path().join(format!("content/pages/{name}.md")), page).unwrap();
    }
    let out = run(&["build"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let site = dir.path().join("output/site");
    for path in [
        "index.html",
        "search.html",
        "pages/index.html",
        "pages/search.html",
        "institutions/clinic/posts/index.html",
        "institutions/clinic/index.html",
        "institutions/clinic/departments/index.html",
        "institutions/clinic/people/index.html",
        "pdf/clinic/cards/cards.pdf",
        "pdf/clinic/cards.pdf",
        "campaigns/drill/index.html",
        "campaigns/drill/matrix.html",
    ] {
        assert!(site.join(path).is_file(), "{path}");
    }
    let home = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert!(!home.contains("页面index</h1>"), "a page took the home page's place");
}
