//! Who signs with whom (层层签订), level by level: each level's head is its first responsible
//! person and signs with the level above (guidance 二(一)–(三)).
//!
//! - A member institution's principal signs with the health commission above it, for the
//!   institution (安全生产目标责任书).
//! - A leader (a post of a leadership category) signs with the principal.
//! - The head of a top-level department signs for the department with the institution: with
//!   the principal, or, where the institution says so, with the leader who supervises the
//!   department (分管领导).
//! - The head of a unit under a department signs for the unit with the head of the nearest
//!   department above it that has one.
//! - Everyone else signs with the head of their department or the nearest one above, and
//!   failing that with the principal.
//!
//! A head's post that nobody holds cannot sign: the next level up does. `signing.yaml` may add
//! pairs, change who signs as 甲方, and leave letters out.

use std::collections::{BTreeSet, HashMap};

use crate::load::Content;
use crate::model::{Category, Department, Letter, Level, Party, Post, Signed, SignsFor};
use crate::raw::{self, HeadsSignWith, InstitutionKind};

use super::campaign::day;

/// What the letters of an institution are derived from.
pub(super) struct Organisation<'a> {
    pub(super) institution: &'a str,
    pub(super) principal: Option<&'a str>,
    pub(super) departments: &'a [Department],
    pub(super) posts: &'a [Post],
    pub(super) categories: &'a [Category],
    pub(super) heads_sign_with: HeadsSignWith,
}

impl<'a> Organisation<'a> {
    fn post(&self, id: &str) -> Option<&'a Post> {
        self.posts.iter().find(|p| p.id == id)
    }

    fn department(&self, id: &str) -> Option<&'a Department> {
        self.departments.iter().find(|d| d.id == id)
    }

    fn is_leader(&self, p: &Post) -> bool {
        let category = p.category.as_ref().and_then(|c| self.categories.iter().find(|k| &k.id == c));
        category.is_some_and(|c| c.leadership)
    }

    /// Whether someone holds the post (a vacant post cannot sign).
    fn filled(&self, id: &str) -> bool {
        self.post(id).is_some_and(|p| !p.holders.is_empty())
    }

    /// The department `p` heads, if any.
    fn headed_by(&self, p: &str) -> Option<&'a Department> {
        self.departments.iter().find(|d| d.head.as_deref() == Some(p))
    }

    /// The nearest department at or above `d` whose head's post is held, and that post.
    fn head_at_or_above(&self, d: Option<&'a Department>) -> Option<(&'a Department, &'a str)> {
        let mut cur = d;
        while let Some(dep) = cur {
            if let Some(head) = dep.head.as_deref().filter(|h| self.filled(h)) {
                return Some((dep, head));
            }
            cur = dep.parent.as_deref().and_then(|p| self.department(p));
        }
        None
    }

    /// A party signed for by the first holder of `post`.
    fn party(&self, signs_for: SignsFor, post: &str) -> Party {
        let person = self.post(post).and_then(|p| p.holders.first().cloned());
        Party { institution: self.institution.to_string(), signs_for, post: post.to_string(), person }
    }

    /// The institution, signed for by its principal.
    fn institution_party(&self) -> Option<Party> {
        self.principal.map(|p| self.party(SignsFor::Institution, p))
    }

    /// 甲方 of a letter to a holder of `p`, and the letter's level; None: nobody above signs.
    fn above(&self, p: &'a Post) -> Option<(Party, Level)> {
        if Some(p.id.as_str()) == self.principal {
            return None;
        }
        if self.is_leader(p) {
            return Some((self.institution_party()?, Level::Leadership));
        }
        if let Some(dept) = self.headed_by(&p.id) {
            let parent = dept.parent.as_deref().and_then(|d| self.department(d));
            if let Some((up, head)) = self.head_at_or_above(parent) {
                return Some((self.party(SignsFor::Department(up.id.clone()), head), Level::SubUnit));
            }
            let supervisor = dept.supervisor.as_deref().filter(|s| self.filled(s));
            let signer = match (self.heads_sign_with, supervisor) {
                (HeadsSignWith::Supervisor, Some(s)) => s,
                _ => self.principal?,
            };
            return Some((self.party(SignsFor::Institution, signer), Level::Department));
        }
        match self.head_at_or_above(self.department(&p.department)) {
            Some((dept, head)) if head != p.id => {
                Some((self.party(SignsFor::Department(dept.id.clone()), head), Level::Post))
            }
            _ => Some((self.institution_party()?, Level::Post)),
        }
    }

    /// 乙方 for a holder of `p`: the institution for its principal, the department for a
    /// department's head, else the person.
    fn below(&self, p: &Post, holder: &str) -> Party {
        let signs_for = if Some(p.id.as_str()) == self.principal {
            SignsFor::Institution
        } else if let Some(d) = self.headed_by(&p.id).filter(|_| !self.is_leader(p)) {
            SignsFor::Department(d.id.clone())
        } else {
            SignsFor::Person
        };
        let institution = self.institution.to_string();
        Party { institution, signs_for, post: p.id.clone(), person: Some(holder.to_string()) }
    }
}

/// Every health commission's principal, by the commission's id: its members' principals sign
/// with it.
pub(super) fn commissions(content: &Content) -> HashMap<&str, Party> {
    let mut out = HashMap::new();
    for dir in &content.institutions {
        let Some(inst) = dir.institution.as_ref().map(|i| &i.value) else { continue };
        let Some(principal) = inst.principal.as_ref().filter(|_| inst.kind.value == InstitutionKind::HealthCommission)
        else {
            continue;
        };
        let holder = dir
            .people
            .iter()
            .flat_map(|l| l.value.iter())
            .find(|p| p.posts.value.iter().any(|x| x.value == principal.value))
            .map(|p| p.id.value.clone());
        let post = principal.value.clone();
        let party = Party { institution: dir.id.clone(), signs_for: SignsFor::Institution, post, person: holder };
        out.insert(dir.id.as_str(), party);
    }
    out
}

/// The letters the organisation makes, one per holder of every post but the principal's, and
/// the principal's with the commission above, when there is one.
pub(super) fn letters(org: &Organisation, commission: Option<&Party>) -> Vec<Letter> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for p in org.posts {
        let above = match commission {
            Some(c) if Some(p.id.as_str()) == org.principal => Some((c.clone(), Level::Commission)),
            _ => org.above(p),
        };
        let Some((party_a, level)) = above else { continue };
        for holder in &p.holders {
            if seen.insert((p.id.clone(), holder.clone())) {
                out.push(Letter {
                    id: Letter::id_for(&p.id, holder),
                    level,
                    party_a: party_a.clone(),
                    party_b: org.below(p, holder),
                    signed: None,
                });
            }
        }
    }
    out
}

/// The content's own pairs and exclusions, then its signing records.
pub(super) fn apply(letters: &mut Vec<Letter>, s: &raw::Signing, org: &Organisation) {
    let matches = |l: &Letter, post: &str, person: Option<&str>| {
        l.party_b.post == post && person.is_none_or(|p| l.party_b.person.as_deref() == Some(p))
    };
    for ex in &s.exclude {
        letters.retain(|l| !matches(l, &ex.post.value, ex.person.as_ref().map(|p| p.value.as_str())));
    }
    for pair in &s.pairs {
        let Some(post) = org.post(&pair.party_b.value) else { continue };
        let holders: Vec<&String> = match &pair.person {
            Some(p) => vec![&p.value],
            None => post.holders.iter().collect(),
        };
        // 甲方 signs for what its post heads: the institution, a department, or itself.
        let a = &pair.party_a.value;
        let signs_for = if Some(a.as_str()) == org.principal {
            SignsFor::Institution
        } else if let Some(d) = org.headed_by(a) {
            SignsFor::Department(d.id.clone())
        } else {
            SignsFor::Person
        };
        let party_a = org.party(signs_for, a);
        let level = org.above(post).map_or(Level::Post, |(_, level)| level);
        for holder in holders {
            let letter = Letter {
                id: Letter::id_for(&post.id, holder),
                level,
                party_a: party_a.clone(),
                party_b: org.below(post, holder),
                signed: None,
            };
            // A pair for a letter that already exists changes who signs it as 甲方.
            match letters.iter_mut().find(|l| l.id == letter.id) {
                Some(existing) => existing.party_a = letter.party_a,
                None => letters.push(letter),
            }
        }
    }
    for rec in &s.signed {
        if let Some(l) = letters.iter_mut().find(|l| matches(l, &rec.post.value, Some(&rec.person.value))) {
            l.signed = Some(Signed {
                date: day(&rec.date),
                code: rec.code.value.clone(),
                scan: rec.scan.as_ref().map(|s| s.value.clone()),
            });
        }
    }
}

/// The risk notice cards signed by holders of their posts (岗位安全风险确认).
pub(super) fn confirm(posts: &mut [Post], s: &raw::Signing) {
    for rec in &s.confirmed {
        if let Some(post) = posts.iter_mut().find(|p| p.id == rec.post.value) {
            let signed = Signed {
                date: day(&rec.date),
                code: rec.code.value.clone(),
                scan: rec.scan.as_ref().map(|s| s.value.clone()),
            };
            post.confirmed.insert(rec.person.value.clone(), signed);
        }
    }
}
