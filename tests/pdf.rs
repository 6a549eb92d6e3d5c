//! The printed documents, checked with real PDF tools: qpdf, pdffonts, pdftotext, pdfinfo.
//! Needs poppler-utils and qpdf, and the default theme's font (Debian's fonts-noto-cjk); .ci/run
//! installs them. Without them the tests say so and pass, except under CI, where they fail.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

fn tools_missing() -> Option<String> {
    for tool in ["qpdf", "pdffonts", "pdftotext", "pdfinfo"] {
        if Command::new(tool).arg("--version").output().is_err() {
            return Some(format!("{tool} not found (apt-get install poppler-utils qpdf)"));
        }
    }
    if !Path::new("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc").exists() {
        return Some("Noto Serif CJK not installed (apt-get install fonts-noto-cjk)".into());
    }
    None
}

macro_rules! require_tools {
    () => {
        if let Some(why) = tools_missing() {
            assert!(std::env::var_os("CI").is_none(), "PDF tests cannot run in CI: {why}");
            eprintln!("skipped: {why}");
            return;
        }
    };
}

fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name).args(args).output().unwrap();
    assert!(out.status.success(), "{name} {args:?}: {}", text(&out.stderr));
    text(&out.stdout)
}

fn pdfs(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect()
}

/// Pages of a PDF, as pdfinfo counts them.
fn pages(pdf: &Path) -> u32 {
    let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    info.lines().find(|l| l.starts_with("Pages:")).unwrap().split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// A PDF's objects as text, its streams decoded (qpdf's QDF form).
fn uncompressed(pdf: &Path) -> String {
    let qdf = pdf.with_extension("qdf");
    tool("qpdf", &["--qdf", "--object-streams=disable", pdf.to_str().unwrap(), qdf.to_str().unwrap()]);
    String::from_utf8_lossy(&std::fs::read(&qdf).unwrap()).into_owned()
}

/// Whether a font file a test needs is missing (then the test is skipped, except under CI,
/// which installs `package`).
fn font_missing(file: &str, package: &str) -> bool {
    if Path::new(file).exists() {
        return false;
    }
    assert!(std::env::var_os("CI").is_none(), "CI installs {package}");
    eprintln!("skipped: {file} not installed (apt-get install {package})");
    true
}

fn build(dir: &Path) -> PathBuf {
    let out = run(&["build"], dir);
    assert!(out.status.success(), "{}", text(&out.stderr));
    dir.join("output/site/pdf/clinic")
}

#[test]
fn every_card_and_letter_is_a_valid_pdf_with_subset_fonts() {
    require_tools!();
    let dir = fixture("minimal");
    let pdf = build(dir.path());
    let mut files: Vec<String> =
        pdfs(&pdf).iter().map(|p| p.strip_prefix(&pdf).unwrap().to_string_lossy().into_owned()).collect();
    files.sort();
    assert_eq!(
        files,
        [
            "cards.pdf",
            "cards/director.pdf",
            "cards/nurse.pdf",
            "departments/leadership-cards.pdf",
            "departments/nursing-cards.pdf",
            "departments/nursing-letters.pdf",
            "display.pdf",
            "displays/leadership.pdf",
            "displays/nursing.pdf",
            "letters.pdf",
            "letters/nurse--zhao-min.pdf",
            "network.pdf",
            "registers.pdf",
            "registers/nursing.pdf",
        ]
    );
    for file in pdfs(&pdf) {
        let path = file.to_str().unwrap();
        assert!(tool("qpdf", &["--check", path]).contains("No syntax or stream encoding errors"), "{path}");
        let fonts = tool("pdffonts", &[path]);
        let embedded: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!embedded.is_empty(), "{path}: {fonts}");
        for line in embedded {
            // Subset fonts are named XXXXXX+Name; columns emb, sub, uni all "yes".
            assert!(line.split_whitespace().next().unwrap().contains('+'), "{path}: {line}");
            assert!(line.matches("yes").count() >= 3, "{path}: {line}");
        }
        assert!(std::fs::metadata(&file).unwrap().len() < 150_000, "{path} is small");
    }
}

#[test]
fn the_letter_reads_back_as_the_chinese_it_was_made_from() {
    require_tools!();
    let dir = fixture("minimal");
    let pdf = build(dir.path());
    let letter = pdf.join("letters/nurse--zhao-min.pdf");
    let text = tool("pdftotext", &[letter.to_str().unwrap(), "-"]);
    let flat: String = text.split_whitespace().collect();
    for expected in [
        "安全生产责任书",
        // The nurse heads 护理组: she signs for it, the principal for the clinic.
        "甲方：测试卫生院负责人：院长王丽",
        "乙方：护理组负责人：护士赵敏",
        "编号：2023-001",
        "认真遵守安全生产规章制度和安全操作规程；",
        "正确使用医用氧气瓶；",
        "法律、法规、规章规定的其他安全生产职责。",
        "全年无违章作业行为",
        "违章作业的，扣减当月绩效",
        "单位（盖章）：科室（盖章）：",
        "负责人（签字）：",
        "自2023年1月1日起至2023年12月31日止。",
    ] {
        assert!(flat.contains(expected), "{expected} not in:\n{text}");
    }
    let size = std::fs::metadata(&letter).unwrap().len();
    assert!(size < 100_000, "{size}");
    // The verification code printed on the letter is the one the site shows.
    let code = text.split("校验码").nth(1).unwrap().split_whitespace().next().unwrap().to_string();
    let card_page =
        std::fs::read_to_string(dir.path().join("output/site/institutions/clinic/posts/nurse.html")).unwrap();
    assert!(card_page.contains(&format!("校验码 {code}")), "{code}");
    let person =
        std::fs::read_to_string(dir.path().join("output/site/institutions/clinic/people/zhao-min.html")).unwrap();
    assert!(person.contains("pdf/clinic/letters/nurse--zhao-min.pdf") && person.contains(&code));
    // Cards carry a number and a code too.
    let card: String =
        tool("pdftotext", &[pdf.join("cards/nurse.pdf").to_str().unwrap(), "-"]).split_whitespace().collect();
    assert!(card.contains("清单编号：2023-002") && card.contains("校验码"), "{card}");
    // An institution may number its cards in its own style, or not at all.
    let inst = dir.path().join("content/institutions/clinic/institution.yaml");
    let yaml = std::fs::read_to_string(&inst).unwrap();
    std::fs::write(&inst, format!("{yaml}card_numbers: 测卫清〔{{year}}〕{{number}}号\n")).unwrap();
    let card: String = tool("pdftotext", &[build(dir.path()).join("cards/nurse.pdf").to_str().unwrap(), "-"])
        .split_whitespace()
        .collect();
    assert!(card.contains("测卫清〔2023〕2号") && !card.contains("清单编号"), "{card}");
    std::fs::write(&inst, format!("{yaml}card_numbers: none\n")).unwrap();
    let card = tool("pdftotext", &[build(dir.path()).join("cards/nurse.pdf").to_str().unwrap(), "-"]);
    assert!(!card.contains("清单编号") && !card.contains("〔2023〕"), "{card}");
}

#[test]
fn combined_files_start_every_document_on_a_new_sheet() {
    require_tools!();
    let dir = fixture("minimal");
    let pdf = build(dir.path());
    let count = |f: &str| pages(&pdf.join(f));
    let (director, nurse) = (count("cards/director.pdf"), count("cards/nurse.pdf"));
    let padded = |n: u32| n + n % 2;
    assert_eq!(count("cards.pdf"), padded(director) + padded(nurse));
}

#[test]
fn a_character_no_font_has_is_an_error_naming_the_person() {
    require_tools!();
    let dir = fixture("minimal");
    assert!(run(&["build"], dir.path()).status.success());
    let before = snapshot(&dir.path().join("output"));
    // 𱍐 (U+31350, CJK Extension H, Unicode 15) is in no Noto CJK font.
    let people = dir.path().join("content/institutions/clinic/people.yaml");
    let text = std::fs::read_to_string(&people).unwrap().replace("赵敏", "赵𱍐");
    std::fs::write(&people, text).unwrap();
    // `check` finds it as `build` would, located where the name is written.
    for command in ["check", "build"] {
        let out = run(&[command], dir.path());
        assert_eq!(out.status.code(), Some(1), "{command}");
        let stderr = common::text(&out.stderr);
        assert!(stderr.contains("error[missing-glyph]: the character 𱍐 (U+31350)"), "{stderr}");
        assert!(stderr.contains("institutions/clinic/people.yaml:5:"), "{stderr}");
        assert!(stderr.contains("pdf/style.yaml"), "{stderr}");
    }
    assert_eq!(snapshot(&dir.path().join("output")), before, "the previous output stays");
}

/// The content's own theme folder for the printed documents' templates, made.
fn pdf_templates(dir: &Path) -> PathBuf {
    let templates = dir.join("content/theme/templates/pdf");
    std::fs::create_dir_all(&templates).unwrap();
    templates
}

#[test]
fn a_one_page_letter_is_under_100_kb() {
    require_tools!();
    let dir = fixture("minimal");
    // A shorter letter text from the content's own theme: also shows that templates override.
    let templates = pdf_templates(dir.path());
    std::fs::write(
        templates.join("letter.md"),
        "# 安全生产责任书\n\n> 甲方：{{ institution | md }}\n> 乙方：{{ party_b.person | md }}\n\n## 乙方安全生产职责\n\n{% for d in duties %}{{ loop.index }}. {{ d | md }}\n{% endfor %}\n| 甲方 | 乙方 |\n|---|---|\n| 签字： | 签字： |\n",
    )
    .unwrap();
    let pdf = build(dir.path());
    let letter = pdf.join("letters/nurse--zhao-min.pdf");
    assert!(tool("pdfinfo", &[letter.to_str().unwrap()]).contains("Pages:           1"));
    let size = std::fs::metadata(&letter).unwrap().len();
    assert!(size < 100_000, "{size} bytes");
    let text: String = tool("pdftotext", &[letter.to_str().unwrap(), "-"]).split_whitespace().collect();
    assert!(text.contains("乙方：赵敏") && text.contains("正确使用医用氧气瓶；"), "{text}");
}

#[test]
fn only_and_institution_print_a_subset_without_touching_the_site() {
    require_tools!();
    let dir = fixture("minimal");
    assert!(run(&["build"], dir.path()).status.success());
    let site = snapshot(&dir.path().join("output/site"));
    let out = run(&["build", "--only", "letters", "--institution", "clinic"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut printed: Vec<String> =
        snapshot(&dir.path().join("output/print")).keys().map(|p| p.to_string_lossy().into_owned()).collect();
    printed.retain(|p| p != ".safeduty-output");
    printed.sort();
    assert_eq!(
        printed,
        [
            "site/pdf/clinic/departments/nursing-letters.pdf",
            "site/pdf/clinic/letters.pdf",
            "site/pdf/clinic/letters/nurse--zhao-min.pdf",
            "site/pdf/clinic/registers.pdf",
            "site/pdf/clinic/registers/nursing.pdf"
        ]
    );
    assert_eq!(snapshot(&dir.path().join("output/site")), site, "the full build's site stays");
    let typo = run(&["build", "--only", "letters", "--institution", "clinik"], dir.path());
    assert_eq!(typo.status.code(), Some(1));
    assert!(text(&typo.stderr).contains("did you mean `clinic`?"));
}

/// A build of printed documents alone makes only the kinds it prints, and parses no page's
/// template: a card template that fails to render stops a build of the cards, and a page
/// template that does not parse a build with the site, not one of the letters (`check` reports
/// both).
#[test]
fn a_build_of_letters_alone_makes_no_card() {
    require_tools!();
    let dir = fixture("minimal");
    let templates = pdf_templates(dir.path());
    std::fs::write(templates.join("card.md"), "# {{ no_such_field }}\n").unwrap();
    std::fs::write(templates.join("../page.html"), "{% if %}\n").unwrap();
    for out in ["letters", "clinic"] {
        let mut args = vec!["build", "--only", "letters", "--out", out];
        if out == "clinic" {
            args.extend(["--institution", "clinic"]);
        }
        let letters = run(&args, dir.path());
        assert!(letters.status.success(), "{args:?}: {}", text(&letters.stderr));
        assert!(dir.path().join(out).join("site/pdf/clinic/letters/nurse--zhao-min.pdf").exists());
        assert!(!dir.path().join(out).join("site/pdf/clinic/cards").exists());
    }
    let failing: [(&[&str], &[&str]); 3] = [
        (&["build", "--only", "cards", "--out", "cards"], &["card.md"]),
        (&["build", "--only", "site,letters", "--out", "site"], &["page.html"]),
        (&["check"], &["page.html"]),
    ];
    for (args, named) in failing {
        let out = run(args, dir.path());
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        for name in named {
            assert!(text(&out.stderr).contains(name), "{args:?}: {}", text(&out.stderr));
        }
    }
    // With the page template mended, `check` finds the card template's problem.
    std::fs::remove_file(templates.join("../page.html")).unwrap();
    let check = run(&["check"], dir.path());
    assert_eq!(check.status.code(), Some(1));
    assert!(text(&check.stderr).contains("card.md"), "{}", text(&check.stderr));
}

#[test]
fn without_an_installed_font_the_site_is_built_and_the_user_is_told() {
    let dir = fixture("minimal");
    let pdf = dir.path().join("content/theme/pdf");
    std::fs::create_dir_all(&pdf).unwrap();
    let style = std::fs::read_to_string(repo().join("themes/default/pdf/style.yaml")).unwrap();
    let style = style.replace("\"Noto Serif CJK SC\"]", "\"No Such Font 123\"]");
    std::fs::write(pdf.join("style.yaml"), style).unwrap();
    let out = run(&["build"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("warning: PDFs were not made: no font for body text") && stderr.contains("fonts-noto-cjk"),
        "{stderr}"
    );
    assert!(!dir.path().join("output/site/pdf").exists());
    let card = std::fs::read_to_string(dir.path().join("output/site/institutions/clinic/posts/nurse.html")).unwrap();
    assert!(card.contains("校验码") && !card.contains(".pdf"), "codes still shown, no dead links");
}

/// The same content gives the same bytes, whatever the number of threads: files are drawn in
/// parallel, and an institution's font subsets are cut by whichever thread comes first.
#[test]
fn the_same_content_prints_the_same_bytes_on_one_thread_or_many() {
    require_tools!();
    let dir = example();
    let build = |out: &str, threads: &str| {
        let status = Command::new(env!("CARGO_BIN_EXE_safeduty"))
            .args(["build", "--only", "cards,letters", "--out", out])
            .env("RAYON_NUM_THREADS", threads)
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(status.status.success(), "{}", text(&status.stderr));
        snapshot(&dir.path().join(out))
    };
    let one = build("one", "1");
    let many = build("many", "4");
    assert!(one.len() > 300, "{} files", one.len());
    assert_eq!(one.keys().collect::<Vec<_>>(), many.keys().collect::<Vec<_>>());
    for (path, bytes) in &one {
        assert!(bytes == &many[path], "{} differs", path.display());
    }
}

/// Guidance 二(三): front-line duties 简明扼要、便于掌握. A duty card is posted at the workplace,
/// on a compact A4 sheet: the cards of the example's front-line posts (从业人员) fit one page,
/// all but a few with long lists of their own.
#[test]
fn a_front_line_posts_card_fits_one_sheet() {
    require_tools!();
    let dir = example();
    let out = run(&["build", "--only", "cards", "--out", "cards"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let (mut one, mut all) = (0, 0);
    for inst in std::fs::read_dir(dir.path().join("content/institutions")).unwrap() {
        let inst = inst.unwrap().path();
        for post in std::fs::read_dir(inst.join("posts")).unwrap() {
            let post = post.unwrap().path();
            if !std::fs::read_to_string(&post).unwrap().contains("\ncategory: employee\n") {
                continue;
            }
            let (i, p) = (inst.file_name().unwrap().to_str().unwrap(), post.file_stem().unwrap().to_str().unwrap());
            let pdf = dir.path().join(format!("cards/site/pdf/{i}/cards/{p}.pdf"));
            let n = pages(&pdf);
            assert!(n <= 2, "{i}/{p}: {n} pages");
            assert!(tool("pdfinfo", &[pdf.to_str().unwrap()]).contains("595.276 x 841.89"), "A4 upright");
            all += 1;
            one += usize::from(n == 1);
        }
    }
    assert!(all >= 30 && one * 10 >= all * 9, "{one} of {all} front-line cards fit one page");
}

/// GB/T 9704 7.5: the dashes of the page number are 7 mm under the type area (37 + 225 mm from
/// the top), measured on the page as printed: rendered with pdftoppm at 600 dpi, the first row
/// of ink wider than 2 mm (a dash, not a digit) under the type area.
#[test]
fn the_page_numbers_dashes_are_7_mm_under_the_type_area() {
    require_tools!();
    let dir = fixture("minimal");
    let letter = build(dir.path()).join("letters/nurse--zhao-min.pdf");
    let out = dir.path().join("page");
    let status = Command::new("pdftoppm")
        .args(["-r", "600", "-gray", "-f", "1", "-l", "1", "-singlefile", letter.to_str().unwrap()])
        .arg(&out)
        .status();
    if status.is_err() {
        assert!(std::env::var_os("CI").is_none(), "pdftoppm missing (apt-get install poppler-utils)");
        return;
    }
    let pgm = std::fs::read(dir.path().join("page.pgm")).unwrap();
    // P5 header: magic, width height, maxval, each ended by one whitespace.
    let mut fields = pgm.split(|b| b.is_ascii_whitespace()).filter(|f| !f.is_empty());
    let _magic = fields.next();
    let mut number = || std::str::from_utf8(fields.next().unwrap()).unwrap().parse::<usize>().unwrap();
    let (width, height, _max) = (number(), number(), number());
    let pixels = &pgm[pgm.len() - width * height..];
    let mm = 600.0 / 25.4;
    let bottom = ((37.0 + 225.0) * mm) as usize;
    let dash = (bottom..bottom + (15.0 * mm) as usize).find(|&y| {
        let row = &pixels[y * width..(y + 1) * width];
        let mut run = 0;
        row.iter().any(|&v| {
            run = if v < 128 { run + 1 } else { 0 };
            run as f64 > 2.0 * mm
        })
    });
    let below = (dash.expect("a page number under the type area") - bottom) as f64 / mm;
    assert!((below - 7.0).abs() < 0.3, "the dashes are {below:.2} mm under the type area");
}

/// GB/T 9704 body text: 左空二字、回行顶格. A letter's numbered items start two characters in,
/// number inline, whatever the number's width, and their next lines start at the margin
/// (28 mm), as poppler reads the lines.
#[test]
fn a_letters_numbered_items_start_two_characters_in_and_wrap_to_the_margin() {
    require_tools!();
    let dir = example();
    let out = run(&["build", "--only", "letters", "--institution", "wsq-hospital", "--out", "printed"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let letter = dir.path().join("printed/site/pdf/wsq-hospital/letters/electrician--hou-jun.pdf");
    let layout = tool("pdftotext", &["-bbox-layout", letter.to_str().unwrap(), "-"]);
    let mm = |pt: f64| pt * 25.4 / 72.0;
    // (x in mm, text) of each line.
    let lines: Vec<(f64, String)> = layout
        .split("<line xMin=\"")
        .skip(1)
        .map(|l| {
            let x: f64 = l.split('"').next().unwrap().parse().unwrap();
            let line = l.split("</line>").next().unwrap();
            let words = line.split("<word ").skip(1).filter_map(|w| w.split_once('>')?.1.split("</word>").next());
            (mm(x), words.collect::<String>())
        })
        .collect();
    let numbered =
        |t: &str| t.split_once('．').is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    let two_in = 28.0 + mm(2.0 * (16.0 - 0.215));
    let items: Vec<&(f64, String)> = lines.iter().filter(|(_, t)| numbered(t)).collect();
    assert!(items.len() >= 15 && items.iter().any(|(_, t)| t.starts_with("12．")), "{lines:?}");
    for (x, t) in &items {
        assert!((x - two_in).abs() < 0.1, "{t} starts at {x:.2} mm, not {two_in:.2}");
    }
    // Each item's next line, when it is the same item's, starts at the margin.
    let wrapped: Vec<f64> = lines
        .windows(2)
        .filter(|w| numbered(&w[0].1) && !numbered(&w[1].1) && !w[0].1.ends_with(['；', '。']))
        // Not the page number under an item that ends a page.
        .filter(|w| !w[1].1.starts_with('—'))
        .map(|w| w[1].0)
        .collect();
    assert!(wrapped.len() >= 5 && wrapped.iter().all(|x| (x - 28.0).abs() < 0.1), "{wrapped:?}");
}

/// The dash (破折号, two em dashes) is drawn as one two-em dash where the face has it: two em
/// dashes side by side show a gap in most faces. The verification code is the text's.
#[test]
fn a_dash_of_two_em_dashes_is_drawn_whole() {
    require_tools!();
    let dir = fixture("minimal");
    let post = dir.path().join("content/institutions/clinic/posts/nurse.yaml");
    let yaml = std::fs::read_to_string(&post).unwrap();
    std::fs::write(&post, yaml.replace("    - 正确使用医用氧气瓶；", "    - 正确使用医用氧气瓶——每日检查；")).unwrap();
    let letter = build(dir.path()).join("letters/nurse--zhao-min.pdf");
    let drawn = tool("pdftotext", &[letter.to_str().unwrap(), "-"]);
    assert!(drawn.contains("氧气瓶⸺每日") && !drawn.contains("——"), "{drawn}");
}

/// Signed letters are filed for years: every file declares PDF/A-2b (XMP metadata with the part,
/// the level and the title of the document information; an sRGB output intent) and embeds all
/// its fonts. No PDF/A validator can be installed from the registries this project uses (veraPDF
/// is a Java download): what a validator checks first is checked here with qpdf and pdffonts,
/// and the colour profile is read by LittleCMS (`transicc`, Debian's liblcms2-utils) when present.
#[test]
fn every_file_declares_pdf_a_2b_with_its_metadata_and_colour_profile() {
    require_tools!();
    let dir = fixture("minimal");
    let pdf_dir = build(dir.path());
    for pdf in [pdf_dir.join("letters/nurse--zhao-min.pdf"), pdf_dir.join("cards.pdf")] {
        let plain = dir.path().join("plain.pdf");
        tool("qpdf", &["--qdf", "--object-streams=disable", pdf.to_str().unwrap(), plain.to_str().unwrap()]);
        let body = String::from_utf8_lossy(&std::fs::read(&plain).unwrap()).into_owned();
        assert!(
            body.contains("<pdfaid:part>2</pdfaid:part>")
                && body.contains("<pdfaid:conformance>B</pdfaid:conformance>")
        );
        assert!(body.contains("/S /GTS_PDFA1") && body.contains("/OutputConditionIdentifier (sRGB IEC61966-2.1)"));
        // The XMP title is the document information's title.
        let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
        let title = info.lines().find_map(|l| l.strip_prefix("Title:")).unwrap().trim();
        assert!(body.contains(&format!("<rdf:li xml:lang=\"x-default\">{title}</rdf:li>")), "{title}");
        assert!(body.contains("/ID ["), "a file identifier");
        let fonts = tool("pdffonts", &[pdf.to_str().unwrap()]);
        assert!(fonts.lines().skip(2).all(|l| l.contains(" yes ")), "every font embedded:\n{fonts}");
    }
    // The profile, as LittleCMS reads it: sRGB (255, 128, 0) is Lab 67.8 45.5 74.8, as in its own sRGB.
    let icc = dir.path().join("srgb.icc");
    let letter = pdf_dir.join("letters/nurse--zhao-min.pdf");
    let object = tool("qpdf", &["--show-xref", letter.to_str().unwrap()]);
    let ids: Vec<String> =
        object.lines().filter_map(|l| l.split(':').next().map(|n| n.split('/').next().unwrap().to_string())).collect();
    let profile = ids.iter().find_map(|id| {
        let show = format!("--show-object={id}");
        let out = Command::new("qpdf")
            .args([show.as_str(), "--filtered-stream-data", letter.to_str().unwrap()])
            .output()
            .ok()?;
        out.stdout.get(36..40).is_some_and(|s| s == b"acsp").then_some(out.stdout)
    });
    std::fs::write(&icc, profile.expect("an ICC profile in the file")).unwrap();
    let lab = Command::new("sh")
        .arg("-c")
        .arg(format!("echo 255 128 0 | transicc -n -i {} -o '*Lab'", icc.display()))
        .output();
    match lab {
        Ok(out) if out.status.success() => {
            let said = text(&out.stdout);
            let values: Vec<f64> =
                said.lines().last().unwrap().split_whitespace().map(|v| v.parse().unwrap()).collect();
            let expected = [67.82, 45.49, 74.84];
            assert!(values.iter().zip(expected).all(|(v, e)| (v - e).abs() < 0.1), "{said}");
        }
        _ => assert!(std::env::var_os("CI").is_none(), "transicc missing (apt-get install liblcms2-utils)"),
    }
}

/// The content's theme names these fonts (`fonts:` of pdf/style.yaml, as YAML flow mappings).
fn with_fonts(dir: &Path, fonts: &str) {
    let pdf = dir.join("content/theme/pdf");
    std::fs::create_dir_all(&pdf).unwrap();
    let style = std::fs::read_to_string(repo().join("themes/default/pdf/style.yaml")).unwrap();
    let (head, _) = style.split_once("fonts:").unwrap();
    std::fs::write(pdf.join("style.yaml"), format!("{head}fonts: {fonts}\n")).unwrap();
}

/// A TrueType face (AR PL UMing, Debian's fonts-arphic-uming; .ci/run installs it) is embedded
/// as a CIDFontType2 with its program's length before decoding (`/Length1`, required), and
/// reads back.
#[test]
fn a_truetype_face_is_embedded_whole_to_the_rules() {
    require_tools!();
    if font_missing("/usr/share/fonts/truetype/arphic/uming.ttc", "fonts-arphic-uming") {
        return;
    }
    let dir = fixture("minimal");
    with_fonts(
        dir.path(),
        "{ body: [\"AR PL UMing CN\"], heading: [\"AR PL UMing CN\"], title: [\"AR PL UMing CN\"] }",
    );
    let pdf = build(dir.path());
    let letter = pdf.join("letters/nurse--zhao-min.pdf");
    let path = letter.to_str().unwrap();
    assert!(tool("qpdf", &["--check", path]).contains("No syntax or stream encoding errors"));
    let fonts = tool("pdffonts", &[path]);
    assert!(fonts.contains("CID TrueType") && !fonts.contains("CID Type 0C"), "{fonts}");
    let objects = uncompressed(&letter);
    let font_files = objects.matches("/FontFile2").count();
    assert!(font_files >= 1 && objects.matches("/Length1").count() >= font_files, "every FontFile2 has /Length1");
    let text: String = tool("pdftotext", &[path, "-"]).split_whitespace().collect();
    assert!(text.contains("负责人：护士赵敏") && text.contains("正确使用医用氧气瓶；"), "{text}");
}

/// Two roles printed with the same face still get subsets with different names (PDF 32000
/// 9.6.4): the default theme's heading face falls back to the title's.
#[test]
fn every_font_of_a_file_has_its_own_subset_name() {
    require_tools!();
    let dir = fixture("minimal");
    let same = "[\"Noto Serif CJK SC:bold\"]";
    with_fonts(dir.path(), &format!("{{ body: [\"Noto Serif CJK SC\"], heading: {same}, title: {same} }}"));
    let pdf = build(dir.path());
    let fonts = tool("pdffonts", &[pdf.join("letters/nurse--zhao-min.pdf").to_str().unwrap()]);
    let names: Vec<&str> = fonts.lines().skip(2).filter_map(|l| l.split_whitespace().next()).collect();
    let distinct: std::collections::BTreeSet<&&str> = names.iter().collect();
    assert!(names.len() == 3 && distinct.len() == 3, "{fonts}");
}

/// A role's fonts are a stack, as CSS's font-family: each character comes from the first face
/// that has it. With DejaVu Sans first, the Latin letters and digits are DejaVu's and every
/// Chinese character Noto's, in one file that reads back whole.
#[test]
fn a_character_the_first_face_lacks_is_printed_by_the_next_one() {
    require_tools!();
    if font_missing("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "fonts-dejavu-core") {
        return;
    }
    let dir = fixture("minimal");
    with_fonts(
        dir.path(),
        "{ body: [\"DejaVu Sans\", \"Noto Serif CJK SC\"], heading: [\"DejaVu Sans:bold\", \"Noto Sans CJK SC:bold\"], title: [\"Noto Serif CJK SC:bold\"] }",
    );
    let pdf = build(dir.path());
    let letter = pdf.join("letters/nurse--zhao-min.pdf");
    let path = letter.to_str().unwrap();
    assert!(tool("qpdf", &["--check", path]).contains("No syntax or stream encoding errors"));
    let fonts = tool("pdffonts", &[path]);
    let names: Vec<&str> = fonts.lines().skip(2).filter_map(|l| l.split_whitespace().next()).collect();
    let has = |face: &str| names.iter().any(|n| n.split_once('+').is_some_and(|(_, name)| name.starts_with(face)));
    // The headings have no Latin letter: DejaVu Sans Bold prints nothing and is not embedded.
    assert!(has("DejaVuSans") && !has("DejaVuSans-Bold") && has("NotoSerifCJK") && has("NotoSansCJK"), "{fonts}");
    // Both faces of the body on the first page: Chinese text and the Latin code under the page number.
    let body = tool("pdftotext", &["-f", "1", "-l", "1", path, "-"]);
    let text: String = body.split_whitespace().collect();
    assert!(text.contains("负责人：护士赵敏") && text.contains("正确使用医用氧气瓶；"), "{text}");
    let code = body.split("校验码").nth(1).and_then(|t| t.split_whitespace().next()).expect("a code");
    assert!(code.len() >= 6 && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'), "{body}");
    // The same content and stack: the same bytes.
    let first = std::fs::read(&letter).unwrap();
    build(dir.path());
    assert_eq!(first, std::fs::read(&letter).unwrap());
}

/// A Kangxi radical in a name shares its glyph with the ideograph (⼀ U+2F00, 一 U+4E00): the
/// institution's shared ToUnicode map gives each glyph one text, the ideograph, so copying
/// and search find the name once, not with a doubled character.
#[test]
fn a_glyph_shared_by_two_characters_reads_back_once() {
    require_tools!();
    let dir = fixture("minimal");
    let people = dir.path().join("content/institutions/clinic/people.yaml");
    let text = std::fs::read_to_string(&people).unwrap().replace("赵敏", "赵⼀敏");
    std::fs::write(&people, text).unwrap();
    let pdf = build(dir.path());
    let letter = pdf.join("letters/nurse--zhao-min.pdf");
    let text: String = tool("pdftotext", &[letter.to_str().unwrap(), "-"]).split_whitespace().collect();
    assert!(text.contains("负责人：护士赵一敏"), "{text}");
    // Readers differ in which of two entries for one glyph they keep: there must be one.
    let objects = uncompressed(&letter).to_uppercase();
    assert!(objects.contains("<4E00>") && !objects.contains("<2F00>"), "one text per glyph: the ideograph's");
}

/// A signature block's header is printed in the heading face: a heading face without Chinese
/// (DejaVu Sans Bold) is an error naming it, not headers silently left blank.
#[test]
fn a_signature_header_the_heading_face_lacks_is_an_error() {
    require_tools!();
    if font_missing("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "fonts-dejavu-core") {
        return;
    }
    let dir = fixture("minimal");
    with_fonts(
        dir.path(),
        "{ body: [\"Noto Serif CJK SC\"], heading: [\"DejaVu Sans:bold\"], title: [\"Noto Serif CJK SC:bold\"] }",
    );
    // Headings in Latin letters only: the signature block's 甲方/乙方 header is the one
    // Chinese text left in the heading face.
    let templates = pdf_templates(dir.path());
    std::fs::write(
        templates.join("letter.md"),
        "# 安全生产责任书\n\n> 乙方：{{ party_b.person | md }}\n\n## A\n\n{% for d in duties %}{{ loop.index }}. {{ d | md }}\n{% endfor %}\n| 甲方 | 乙方 |\n|---|---|\n| 签字： | 签字： |\n",
    )
    .unwrap();
    std::fs::write(
        templates.join("card.md"),
        "# 岗位安全生产责任清单\n\n## B\n\n{% for d in duties %}{{ loop.index }}. {{ d | md }}\n{% endfor %}",
    )
    .unwrap();
    let out = run(&["build"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("甲 (U+7532)") && stderr.contains("DejaVu Sans:bold"), "{stderr}");
}

/// A heading a theme's template leaves blank prints nothing, and is no error.
#[test]
fn a_blank_heading_prints_nothing() {
    require_tools!();
    let dir = fixture("minimal");
    let templates = pdf_templates(dir.path());
    for (name, title) in [("letter.md", "安全生产责任书"), ("card.md", "岗位安全生产责任清单")] {
        let body = format!(
            "# {title}\n\n## 　\n\n{{% for d in duties %}}{{{{ loop.index }}}}. {{{{ d | md }}}}\n{{% endfor %}}\n|  |  |\n|---|---|\n| 签字： | 签字： |\n"
        );
        std::fs::write(templates.join(name), body).unwrap();
    }
    let out = run(&["build"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
}

/// `build --timings` times the combined files apart (what the benchmark compares with Typst's
/// one PDF) and counts their pages as they are printed, blank backs included.
#[test]
fn timings_count_the_combined_files_pages() {
    require_tools!();
    let dir = fixture("minimal");
    let out = run(&["build", "--timings"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    let line = stderr.lines().find(|l| l.contains("combined files, made from")).expect("a combined files lap");
    let counted: u32 = line.split('(').nth(1).unwrap().split_whitespace().next().unwrap().parse().unwrap();
    let pdf = dir.path().join("output/site/pdf/clinic");
    let combined = [
        "cards.pdf",
        "letters.pdf",
        "departments/leadership-cards.pdf",
        "departments/nursing-cards.pdf",
        "departments/nursing-letters.pdf",
        "registers.pdf",
    ];
    let pages: u32 = combined.iter().map(|f| pages(&pdf.join(f))).sum();
    assert_eq!(counted, pages, "{line}");
}

#[test]
fn combined_files_have_an_outline_by_department_and_page_labels_per_document() {
    require_tools!();
    let dir = example();
    assert!(run(&["build", "--only", "letters,cards"], dir.path()).status.success());
    let pdf = dir.path().join("output/print/site/pdf/wsq-hospital");
    let json = |file: &Path| -> serde_json::Value {
        let out = tool("qpdf", &["--json", "--json-key=outlines", "--json-key=pagelabels", file.to_str().unwrap()]);
        serde_json::from_str(&out).unwrap()
    };
    let letters = json(&pdf.join("letters.pdf"));
    let top = letters["outlines"].as_array().unwrap();
    // The departments, once each, in the institution's order; under each, its letters' posts
    // and signers, each opening its letter's first page.
    let titles: Vec<&str> = top.iter().map(|o| o["title"].as_str().unwrap()).collect();
    assert_eq!(&titles[..3], ["院领导", "院办公室", "安全生产管理科"], "{titles:?}");
    let unique: std::collections::BTreeSet<&&str> = titles.iter().collect();
    assert_eq!(unique.len(), titles.len(), "a department appears twice: {titles:?}");
    let safety = &top[2]["kids"];
    assert_eq!(safety[0]["title"], "安全生产管理科科长　张国庆");
    let own = pages(&pdf.join("letters/safety-chief--zhang-guoqing.pdf")) as i64;
    let first = safety[0]["destpageposfrom1"].as_i64().unwrap();
    assert_eq!(safety[1]["destpageposfrom1"].as_i64().unwrap(), first + own + own % 2);
    // Page labels start again with each letter, after its post and signer.
    let labels = letters["pagelabels"].as_array().unwrap();
    let at = labels.iter().find(|l| l["index"].as_i64() == Some(first - 1)).expect("a label where the letter starts");
    assert_eq!(at["label"]["/P"], "u:安全生产管理科科长　张国庆 ");
    assert_eq!(at["label"]["/S"], "/D");
    let letters_in_file = top.iter().map(|d| d["kids"].as_array().unwrap().len()).sum::<usize>();
    assert_eq!(labels.len(), letters_in_file);
    // A department's own file lists its letters without the department above them.
    let own_dept = json(&pdf.join("departments/safety-letters.pdf"));
    assert_eq!(own_dept["outlines"][0]["title"], "安全生产管理科科长　张国庆");
    // Cards too; a file of one document has neither.
    assert_eq!(json(&pdf.join("cards.pdf"))["outlines"][0]["kids"][0]["title"], "院长");
    let single = json(&pdf.join("letters/safety-chief--zhang-guoqing.pdf"));
    assert!(single["outlines"].as_array().unwrap().is_empty() && single["pagelabels"].as_array().unwrap().is_empty());
}

#[test]
fn a_run_with_no_break_wider_than_the_line_is_cut_at_the_margin_and_check_warns() {
    require_tools!();
    let dir = fixture("minimal");
    let url = format!("https://intranet.example.cn/safety/{}", "regulations-and-procedures-".repeat(3));
    let number = "1234567890".repeat(8);
    let post = dir.path().join("content/institutions/clinic/posts/nurse.yaml");
    let yaml = std::fs::read_to_string(&post).unwrap().replace(
        "    - 正确使用医用氧气瓶；",
        &format!("    - 正确使用医用氧气瓶，规程见{url}；\n    - 设备编号{number}。"),
    );
    std::fs::write(&post, yaml).unwrap();
    // `check` names both, where they are written, and the build goes on.
    let out = run(&["check"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stderr);
    assert_eq!(said.matches("warning[unbreakable-run]").count(), 2, "{said}");
    assert!(said.contains("institutions/clinic/posts/nurse.yaml:9:"), "{said}");
    assert!(said.contains("(81 characters, in pdf/clinic/cards/nurse.pdf)"), "{said}");
    let pdf = build(dir.path()).join("cards/nurse.pdf");
    // Every word inside the type area (a card is a posted sheet: 20 mm + 170 mm from the left
    // edge), as poppler reads it; and the whole text is there.
    let bbox = tool("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
    let right = (20.0 + 170.0) * 72.0 / 25.4;
    for line in bbox.lines().filter(|l| l.contains("<word ")) {
        let x_max: f64 = line.split("xMax=\"").nth(1).and_then(|r| r.split('"').next()).unwrap().parse().unwrap();
        assert!(x_max <= right + 1.0, "past the margin: {line}");
    }
    // The words as placed (plain pdftotext would join a hyphen at a line's end to the next line).
    let words: String =
        bbox.lines().filter_map(|l| l.split_once("\">").and_then(|(_, w)| w.strip_suffix("</word>"))).collect();
    assert!(words.contains(&url) && words.contains(&number), "{words}");
}

#[test]
fn a_duty_card_gives_each_holder_of_the_post_a_line_to_sign() {
    require_tools!();
    let dir = example();
    assert!(run(&["build", "--only", "cards", "--institution", "lyg-120"], dir.path()).status.success());
    let card = dir.path().join("output/print/site/pdf/lyg-120/cards/ambulance-driver.pdf");
    let words: String = tool("pdftotext", &[card.to_str().unwrap(), "-"]).split_whitespace().collect();
    assert!(words.contains("本岗位人员已知悉上述岗位安全生产责任"), "{words}");
    for name in ["王大勇", "高峰", "朱长青", "李军"] {
        assert!(words.contains(&format!("{name}（签字）：")), "no line for {name}: {words}");
    }
    // A post with one holder: "本人".
    let one = dir.path().join("output/print/site/pdf/lyg-120/cards/director.pdf");
    let words: String = tool("pdftotext", &[one.to_str().unwrap(), "-"]).split_whitespace().collect();
    assert!(words.contains("本人已知悉上述岗位安全生产责任") && words.matches("（签字）").count() == 1, "{words}");
}

#[test]
fn a_department_register_lists_its_letters_with_codes_and_dates_to_fill_in() {
    require_tools!();
    let dir = example();
    let out =
        run(&["build", "content", "--out", "out", "--only", "letters,data", "--institution", "wsq-tuke"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let docs: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("out/data/documents.json")).unwrap()).unwrap();
    let register = dir.path().join("out/site/pdf/wsq-tuke/registers/public-health.pdf");
    let page = tool("pdftotext", &["-layout", register.to_str().unwrap(), "-"]);
    let flat: String = page.split_whitespace().collect();
    assert!(flat.contains("图克镇卫生院公共卫生科安全生产责任书签订台账"), "{page}");
    assert!(flat.contains("共3份，已签订2份"), "{page}");
    // Every letter of the department, by its code; 贺丽 signed on 2023-01-06, 呼和 for an older text.
    let letters: Vec<&serde_json::Value> = docs
        .iter()
        .filter(|d| d["kind"] == "letter" && d["institution"] == "wsq-tuke" && d["department"] == "public-health")
        .collect();
    assert_eq!(letters.len(), 3);
    for l in &letters {
        assert!(flat.contains(l["code"].as_str().unwrap()), "{} missing: {page}", l["code"]);
    }
    assert!(flat.contains("2023年1月6日") && flat.contains("需重新签订"), "{page}");
    assert!(tool("pdfinfo", &[register.to_str().unwrap()]).contains("841.89 x 595.2"), "A4 turned");
    // The institution's registers in one file; `verify` knows the register's code.
    let all = dir.path().join("out/site/pdf/wsq-tuke/registers.pdf");
    let registers = docs.iter().filter(|d| d["kind"] == "register" && d["institution"] == "wsq-tuke");
    assert_eq!(
        pages(&all),
        registers
            .clone()
            .map(|d| pages(&dir.path().join("out/site").join(d["file"].as_str().unwrap())))
            .map(|p| p + p % 2)
            .sum::<u32>()
    );
    let code = registers.clone().find(|d| d["department"] == "public-health").unwrap()["code"].as_str().unwrap();
    let out = run(&["verify", code], dir.path());
    assert!(text(&out.stdout).contains("signing register"), "{}", text(&out.stdout));
}

#[test]
fn the_printed_display_carries_its_period_contact_and_issuer_and_nothing_internal() {
    require_tools!();
    let dir = example();
    let out = run(&["build", "content", "--out", "out", "--only", "cards,site"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let pdf = |p: &str| dir.path().join("out/site/pdf").join(p);
    let flat = |p: &Path| tool("pdftotext", &[p.to_str().unwrap(), "-"]).split_whitespace().collect::<String>();
    let all = flat(&pdf("wsq-hospital/display.pdf"));
    assert!(all.starts_with("乌审旗人民医院全员安全生产责任制公示"), "{all}");
    assert!(all.contains("公示期：2023年1月9日至2023年1月13日"), "{all}");
    assert!(all.contains("请向院安全生产管理科（安全生产委员会办公室），电话0477-7512345反映"), "{all}");
    // The committee, every department and post of the hospital with its holders, then 落款.
    for text in [
        "一、乌审旗人民医院安全生产委员会",
        "主任：院长杨志强",
        "（一）院长（单位主要负责人）",
        "责任人员：牛二虎",
        "考核标准：",
    ] {
        assert!(all.contains(text), "no {text}: {all}");
    }
    assert!(all.ends_with("乌审旗人民医院2023年1月9日—19—") || all.contains("乌审旗人民医院2023年1月9日—"), "{all}");
    // Nothing internal: no code, no signing status.
    for internal in ["校验码", "已签订", "未签订", "需重新签订"] {
        assert!(!all.contains(internal), "{internal} printed: {all}");
    }
    let n = pages(&pdf("wsq-hospital/display.pdf"));
    assert!(all.contains(&format!("—{n}—")), "page numbers to the last");
    // A department's display: its duties and posts only, on its own; blanks to fill in without
    // a period in the content.
    let safety = flat(&pdf("wsq-hospital/displays/safety.pdf"));
    assert!(safety.starts_with("乌审旗人民医院安全生产管理科安全生产责任公示"), "{safety}");
    assert!(safety.contains("一、部门安全生产职责") && safety.contains("二、岗位安全生产责任"), "{safety}");
    assert!(!safety.contains("护理部") && !safety.contains("电工"), "{safety}");
    let tuke = flat(&pdf("wsq-tuke/display.pdf"));
    assert!(tuke.contains("公示期：年月日至年月日。"), "blanks: {tuke}");
    // The display page links to it.
    let page = std::fs::read_to_string(dir.path().join("out/site/institutions/wsq-hospital/display.html")).unwrap();
    assert!(page.contains("pdf/wsq-hospital/display.pdf") && page.contains("pdf/wsq-hospital/network.pdf"));
}

#[test]
fn the_network_diagram_is_one_turned_page_from_the_principal_to_the_posts() {
    require_tools!();
    let dir = example();
    let out =
        run(&["build", "content", "--out", "out", "--only", "cards", "--institution", "wsq-hospital"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let file = dir.path().join("out/site/pdf/wsq-hospital/network.pdf");
    assert_eq!(pages(&file), 1);
    assert!(tool("pdfinfo", &[file.to_str().unwrap()]).contains("841.89 x 595.2"), "A4 turned");
    // Words with their boxes (-bbox): the principal above the leaders, the leaders above the
    // departments they supervise, each department's posts inside; all inside the type area
    // (20 mm from the left and top, 257 × 165 mm).
    let html = tool("pdftotext", &["-bbox", file.to_str().unwrap(), "-"]);
    let words: Vec<(f32, f32, f32, f32, String)> = html
        .lines()
        .filter_map(|l| {
            let l = l.trim().strip_prefix("<word ")?;
            let num = |k: &str| -> f32 {
                let s = &l[l.find(&format!("{k}=\"")).unwrap() + k.len() + 2..];
                s[..s.find('"').unwrap()].parse().unwrap()
            };
            let w = &l[l.find('>').unwrap() + 1..l.find("</word>").unwrap()];
            Some((num("xMin"), num("yMin"), num("xMax"), num("yMax"), w.to_string()))
        })
        .collect();
    let mm = 72.0 / 25.4;
    for (x0, y0, x1, y1, w) in &words {
        assert!(*x0 >= 20.0 * mm - 1.0 && *x1 <= 277.0 * mm + 1.0, "{w} outside: {x0}–{x1}");
        assert!(*y0 >= 20.0 * mm - 1.0 && *y1 <= 185.0 * mm + 1.0, "{w} outside: {y0}–{y1}");
    }
    let top = |needle: &str| {
        words.iter().find(|w| w.4.contains(needle)).unwrap_or_else(|| panic!("{needle} not drawn: {html}")).1
    };
    assert!(top("杨志强") < top("王宏伟"), "principal above the leaders");
    assert!(top("王宏伟") < top("安全生产管理科"), "leader above the departments");
    assert!(top("安全生产管理科") < top("保卫科"));
    for post in ["电工", "锅炉工", "急诊科护士", "院办公室主任"] {
        top(post);
    }
    // Not a page to number or to verify.
    let flat: String = words.iter().map(|w| w.4.as_str()).collect();
    assert!(!flat.contains("校验码") && !flat.contains("—1—"), "{flat}");
}

/// The example with the benchmark's one-page letter (bench/run's `ONE_PAGE_LETTER`, read from
/// there): the title, the parties, a sentence, six duties and a place to sign.
fn one_page_letters() -> tempfile::TempDir {
    let dir = example();
    let bench = std::fs::read_to_string(repo().join("bench/run")).unwrap();
    let start = bench.find("ONE_PAGE_LETTER = \"\"\"").unwrap() + "ONE_PAGE_LETTER = \"\"\"".len();
    let template = &bench[start..start + bench[start..].find("\"\"\"").unwrap()];
    let templates = pdf_templates(dir.path());
    std::fs::write(templates.join("letter.md"), template).unwrap();
    dir
}

#[test]
fn a_one_page_letter_of_the_example_is_at_most_80_kb() {
    require_tools!();
    let dir = one_page_letters();
    let out = run(&["build", "content", "--out", "out", "--only", "letters"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut sizes: Vec<u64> = pdfs(&dir.path().join("out/site/pdf"))
        .iter()
        .filter(|p| p.parent().unwrap().ends_with("letters") && pages(p) == 1)
        .map(|p| std::fs::metadata(p).unwrap().len())
        .collect();
    sizes.sort();
    assert!(sizes.len() > 100, "{} one-page letters", sizes.len());
    // Each embeds only the glyphs it prints (a shared subset made them 138 KB in the median).
    assert!(
        *sizes.last().unwrap() <= 80_000,
        "largest {} bytes, median {}",
        sizes.last().unwrap(),
        sizes[sizes.len() / 2]
    );
}

#[test]
fn a_files_own_thinned_font_draws_what_the_shared_subset_draws() {
    require_tools!();
    let dir = example();
    let out = run(&["build", "content", "--out", "out", "--only", "letters", "--institution", "wsq-tuke"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let pdf = dir.path().join("out/site/pdf/wsq-tuke");
    let own = pdf.join("letters/nurse--li-ting.pdf");
    let department = pdf.join("departments/inpatient-letters.pdf");
    let combined = pdf.join("letters.pdf");
    // Each file carries the glyphs of its own letters (the shared subset also has the
    // registers' and the verification codes'): the fewer letters, the smaller its font.
    // (`embed`'s unit test checks that a thinned program keeps every glyph drawn.)
    let body = |f: &Path| {
        let fonts = tool("pdffonts", &[f.to_str().unwrap()]);
        let name = fonts.lines().nth(2).unwrap().split(' ').next().unwrap().to_string();
        assert!(name.contains("Serif") && name.contains("Regular"), "{fonts}");
        name
    };
    let names = [body(&own), body(&department), body(&combined)];
    assert!(names[0] != names[1] && names[1] != names[2] && names[0] != names[2], "{names:?}");
    let objects = |f: &Path| uncompressed(f);
    let font_program = |f: &Path| {
        let text = objects(f);
        // The body face's program: the largest CIDFontType0C stream.
        text.split("/Subtype /CIDFontType0C").skip(1).map(|s| s.split("endstream").next().unwrap().len()).max().unwrap()
    };
    assert!(font_program(&own) < font_program(&department) && font_program(&department) < font_program(&combined));
    assert!(std::fs::metadata(&own).unwrap().len() < 120_000);
    // Every page of the letter's file and of its department's, rendered, is a page of the
    // institution's file, pixel for pixel.
    let render = |f: &Path, page: u32| {
        let stem = dir.path().join(format!("r-{page}"));
        let p = page.to_string();
        tool(
            "pdftoppm",
            &["-r", "40", "-gray", "-f", &p, "-l", &p, "-singlefile", f.to_str().unwrap(), stem.to_str().unwrap()],
        );
        std::fs::read(stem.with_extension("pgm")).unwrap()
    };
    let theirs: Vec<Vec<u8>> = (1..=pages(&combined)).map(|n| render(&combined, n)).collect();
    for n in 1..=pages(&own) {
        assert!(theirs.contains(&render(&own, n)), "page {n} of the letter is drawn differently");
    }
    for n in 1..=pages(&department) {
        assert!(theirs.contains(&render(&department, n)), "page {n} of the department's file is drawn differently");
    }
}

#[test]
fn files_are_tagged_with_their_structure_in_reading_order() {
    require_tools!();
    let dir = example();
    let out =
        run(&["build", "content", "--out", "out", "--only", "letters,cards", "--institution", "wsq-tuke"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let pdf = dir.path().join("out/site/pdf/wsq-tuke");
    let letter = pdf.join("letters/nurse--li-ting.pdf");
    assert!(tool("pdfinfo", &[letter.to_str().unwrap()]).contains("Tagged:          yes"));
    // poppler reads the structure tree and each element's text from its marked content.
    let tree = tool("pdfinfo", &["-struct-text", letter.to_str().unwrap()]);
    let roles: Vec<&str> =
        tree.lines().filter_map(|l| l.split_whitespace().next()).filter(|w| !w.starts_with('"')).collect();
    assert_eq!(roles.first(), Some(&"Document"), "{tree}");
    assert_eq!(roles.get(1), Some(&"H1"), "{tree}");
    for role in ["H2", "P", "L", "LI", "Table"] {
        assert!(roles.contains(&role), "no {role}: {tree}");
    }
    let flat: String = tree.split_whitespace().collect();
    // Reading order: the title, the parties, the first heading, its items in order.
    let at = |s: &str| flat.find(s).unwrap_or_else(|| panic!("{s} not in the structure: {tree}"));
    assert!(at("\"安全生产责任书") < at("乙方：李婷") && at("乙方：李婷") < at("一、责任期限"));
    assert!(at("1．认真遵守安全生产规章制度") < at("2．认真做好班前班后的交接"));
    // The footer is an artifact, not text of the letter.
    assert!(!flat.contains("校验码") && !flat.contains("—1—"), "{tree}");
    // A combined file: a section per document.
    let combined = pdf.join("departments/inpatient-letters.pdf");
    let tree = tool("pdfinfo", &["-struct-text", combined.to_str().unwrap()]);
    let sections = tree.lines().filter(|l| l.trim_start().starts_with("Sect")).count();
    assert!(sections >= 2, "{sections} sections: {tree}");
    assert_eq!(tree.matches("H1").count(), sections, "one title per section");
}
