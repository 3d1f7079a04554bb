//! The words only suggest needs: connectors inside names, verbs of speech, place and
//! organization nouns and prepositions, roles before a name, what a company or a person
//! has, the last words of events, and the word tests built on the shared lists
//! (a head word, a title, an ordinary English word). Owns these lists and tests only: every
//! shared word list lives in [`crate::text::words`] and is used from there, never copied.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use crate::text::words::{
    is_calendar_word, is_common_word, is_function_word, is_org_head, is_place_head, is_title_word,
};

/// A short fixed word list, asked of many words per run: looked up by hash, not word by
/// word.
pub(crate) struct List {
    words: &'static [&'static str],
    set: OnceLock<FxHashSet<&'static str>>,
}

impl List {
    const fn new(words: &'static [&'static str]) -> List {
        List {
            words,
            set: OnceLock::new(),
        }
    }

    /// Whether `word` (lower case) is on the list.
    pub(crate) fn contains<S: AsRef<str> + ?Sized>(&self, word: &S) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(word.as_ref())
    }
}

/// Family words, which before a name say person as a title does (`his wife Cherie Blair`,
/// `said his mother Irina Volkova`). They are no title words: capitalized, they open
/// the names of other things (`Big Brother`, `Mother Russia`), and `son` is left out, as a
/// surname (`Son Heung-min`).
pub(crate) static KIN: List = List::new(&[
    "aunt",
    "boyfriend",
    "brother",
    "cousin",
    "daughter",
    "father",
    "fiance",
    "fiancee",
    "girlfriend",
    "granddaughter",
    "grandfather",
    "grandmother",
    "grandson",
    "husband",
    "mother",
    "nephew",
    "niece",
    "sister",
    "stepdaughter",
    "stepson",
    "uncle",
    "widow",
    "widower",
    "wife",
]);

/// Nouns of a person, which in lower case before a name of two words or more say person as a
/// family word does (`India's richest man Azim Premji`, `Chelsea man Frank Lampard`,
/// `Hollywood star Johnny Depp`, `screen legend Amitabh Bachchan`). Not titles:
/// capitalized, they open names (`Man Utd`, `Star Wars`, `Pop Idol`).
pub(crate) static PERSON_NOUNS: List = List::new(&[
    "boy",
    "girl",
    "hero",
    "icon",
    "idol",
    "legend",
    "man",
    "schoolboy",
    "schoolgirl",
    "star",
    "teenager",
    "woman",
]);

/// Roles before a person's name that the shared title words leave out, as a place before
/// them is a team or a market rather than where the person is from (`Milan coach Fabio
/// Capello`, `Tokyo dealer`): to the name finder they are titles all the same (`coach Berti
/// Vogts`, `broker Shakil Rizvi`, `actress Emma Thompson`, `rapper Eminem`). So are the
/// nouns of nationality and origin that sports pages put before a name (`Briton Tim
/// Henman`, `Spaniard Conchita Martinez`), which no gazetteer lists as demonyms; `Pole`,
/// `Finn`, `Dane` and `Turk` are left out, as names (`North Pole`, `Dane Bowers`).
pub(crate) static ROLES: List = List::new(&[
    "activist",
    "actor",
    "actress",
    "all-rounder",
    "architect",
    "artist",
    "athlete",
    "banker",
    "barrister",
    "bassist",
    "batsman",
    "billionaire",
    "boss",
    "bowler",
    "boxer",
    "brit",
    "briton",
    "broker",
    "businessman",
    "businesswoman",
    "californian",
    "campaigner",
    "cellist",
    "champ",
    "champion",
    "chef",
    "coach",
    "comedian",
    "compatriot",
    "composer",
    "countryman",
    "cyclist",
    "dancer",
    "dealer",
    "debutant",
    "defender",
    "designer",
    "dj",
    "drummer",
    "dutchman",
    "dutchwoman",
    "englishman",
    "englishwoman",
    "entrepreneur",
    "film-maker",
    "filmmaker",
    "finalist",
    "fly-half",
    "frenchman",
    "frenchwoman",
    "frontman",
    "full-back",
    "goalkeeper",
    "golfer",
    "guitarist",
    "half-back",
    "icelander",
    "infielder",
    "irishman",
    "irishwoman",
    "jockey",
    "journalist",
    "kiwi",
    "londoner",
    "manager",
    "medallist",
    "mep",
    "midfielder",
    "mp",
    "newcomer",
    "novelist",
    "outfielder",
    "painter",
    "photographer",
    "pianist",
    "pitcher",
    "playmaker",
    "playwright",
    "poet",
    "presenter",
    "producer",
    "qc",
    "quarter-finalist",
    "quarterback",
    "rapper",
    "referee",
    "rookie",
    "runner-up",
    "scot",
    "scotsman",
    "scotswoman",
    "screenwriter",
    "scrum-half",
    "seed",
    "semi-finalist",
    "shortstop",
    "singer",
    "skipper",
    "songwriter",
    "spaniard",
    "sprinter",
    "strategist",
    "striker",
    "substitute",
    "superstar",
    "swede",
    "swimmer",
    "teammate",
    "texan",
    "trader",
    "trainer",
    "tycoon",
    "ulsterman",
    "umpire",
    "veteran",
    "violinist",
    "welshman",
    "welshwoman",
    "wicket-keeper",
    "wicketkeeper",
    "winger",
    "yorkshireman",
    "youngster",
]);

/// Players and coaches of a team, named with it before their name (`Hawks shortstop Ray
/// Ortiz`, `Wasps captain Tom Reddy`, `Springbok scrum-half Fourie Laas`): the name before is the team's.
pub(crate) static TEAM_ROLES: List = List::new(&[
    "batsman",
    "bowler",
    "captain",
    "catcher",
    "centre",
    "coach",
    "defender",
    "flanker",
    "fly-half",
    "full-back",
    "goalkeeper",
    "hooker",
    "keeper",
    "lock",
    "manager",
    "midfielder",
    "outfielder",
    "pitcher",
    "playmaker",
    "prop",
    "quarterback",
    "scrum-half",
    "shortstop",
    "skipper",
    "striker",
    "wicketkeeper",
    "winger",
]);

/// Staff of a company or a club, named with it: `analyst at Jupiter Research`, `spokesman
/// for Ask Jeeves`, `Deutsche Boerse chief executive Werner Seifert`. Political offices
/// (`mayor`, `governor`, `minister`) are left out, as they are of places as often, and so
/// is `director`, as often a film's (`best director for Million Dollar Baby`).
pub(crate) static STAFF_ROLES: List = List::new(&[
    "analyst",
    "analysts",
    "boss",
    "ceo",
    "chairman",
    "chairwoman",
    "economist",
    "economists",
    "employee",
    "employees",
    "engineer",
    "executive",
    "founder",
    "researcher",
    "researchers",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "strategist",
]);

/// Nouns a company or a club has, after its name and `'s` (`Amazon's shares`, `Deutsche
/// Boerse's offer`, `Ladbrokes's chairman`): an organization cue.
pub(crate) static ORG_POSSESSIONS: List = List::new(&[
    "assets",
    "bid",
    "board",
    "boss",
    "bosses",
    "brand",
    "chairman",
    "customers",
    "debts",
    "division",
    "earnings",
    "employees",
    "executives",
    "factories",
    "factory",
    "founder",
    "headquarters",
    "losses",
    "owners",
    "plant",
    "plants",
    "products",
    "profit",
    "profits",
    "revenue",
    "revenues",
    "sales",
    "share",
    "shareholders",
    "shares",
    "staff",
    "stake",
    "stock",
    "stores",
    "subscribers",
    "subsidiary",
    "takeover",
    "unit",
    "website",
    "workforce",
]);

/// Nouns a person has, after the name and `'s` (`Foxx's performance` says nothing, `Bates's
/// wife` does): a person cue. Not `lawyer`: firms have them too (`Grokster's lawyer`).
pub(crate) static PERSON_POSSESSIONS: List = List::new(&[
    "boyfriend",
    "brother",
    "career",
    "children",
    "daughter",
    "father",
    "fiancee",
    "funeral",
    "girlfriend",
    "husband",
    "mother",
    "parents",
    "sister",
    "son",
    "widow",
    "wife",
]);

/// Last words of the names of events, prizes and shows (`Athens Games`, `Booker Prize`,
/// `Venice Film Festival`, `The Catherine Tate Show`; `Olympic` ends no name but a
/// modifier, `double Olympic champion`), of laws (`Hunting Act`, `Gambling Bill`) and of
/// languages (`British Sign Language`): whatever cue a word of them gives (`Booker`, a
/// given name; `in`; a title stripped before the name), such a name is no person, place or
/// organization.
pub(crate) static EVENT_HEADS: List = List::new(&[
    "act",
    "award",
    "awards",
    "bill",
    "championship",
    "championships",
    "classic",
    "cup",
    "festival",
    "games",
    "language",
    "languages",
    "lecture",
    "marathon",
    "olympic",
    "olympics",
    "open",
    "prix",
    "prize",
    "prizes",
    "series",
    "sevens",
    "show",
    "tournament",
    "trophy",
]);

/// Place head words that also come first (`Mount Paektu`, `Lake Baikal`, `Cape Town`).
pub(crate) static PLACE_PREFIXES: List =
    List::new(&["cape", "fort", "isle", "lake", "mount", "port"]);

/// Lower-case words that may join two capitalized words of one name (`Ministry of Foreign
/// Affairs`, `Charles de Gaulle`, `Bashar al-Assad`).
pub(crate) static CONNECTORS: List = List::new(&[
    "al", "bin", "da", "das", "de", "del", "della", "den", "der", "di", "dos", "du", "el", "ibn",
    "la", "le", "of", "van", "von",
]);

/// Connectors allowed only once the name has an organization head word (`Center for
/// Strategic Studies`, `Committee on Foreign Affairs`, `Ministry of Trade and Industry`),
/// and `and` between one word and a name ending in a head word (`Belt and Road Forum`).
pub(crate) static ORG_CONNECTORS: List = List::new(&["and", "for", "on"]);

/// Verbs of speech: a name right before or after one is probably a person.
pub(crate) static SAID_VERBS: List = List::new(&[
    "acknowledged",
    "added",
    "argued",
    "asked",
    "commented",
    "contributed",
    "explained",
    "insisted",
    "noted",
    "recalled",
    "replied",
    "reported",
    "said",
    "says",
    "stated",
    "stressed",
    "told",
    "tweeted",
    "warned",
    "wrote",
]);

/// Verbs of speech that come before the speaker (`said Jane Roe`); `told X` names the
/// listener, often an organization.
pub(crate) static SAID_BEFORE: List = List::new(&[
    "added",
    "argued",
    "explained",
    "noted",
    "said",
    "says",
    "stressed",
    "warned",
    "wrote",
]);

/// Lower-case place nouns: `the city of X`, `port X`, `X island`.
pub(crate) static PLACE_NOUNS: List = List::new(&[
    "bay",
    "capital",
    "city",
    "county",
    "crossing",
    "district",
    "island",
    "peninsula",
    "port",
    "province",
    "region",
    "river",
    "station",
    "town",
    "village",
]);

/// Lower-case prepositions of place: `in X`, `near X`.
pub(crate) static PLACE_PREPOSITIONS: List = List::new(&["in", "near", "outside"]);

/// Lower-case nouns of works before their titles: `the film Vera Drake`, `the album
/// Elephant`, `the sitcom Nathan Barley`. Verbs are left out (`polls show Labour ahead`,
/// `to play Chelsea`, `to track Bin Laden`), as are `magazine` and `newspaper`, whose titles
/// are organizations'.
pub(crate) static WORK_NOUNS: List = List::new(&[
    "album",
    "ballet",
    "biopic",
    "blockbuster",
    "book",
    "cartoon",
    "comedy",
    "documentary",
    "drama",
    "film",
    "game",
    "movie",
    "musical",
    "novel",
    "opera",
    "poem",
    "sequel",
    "series",
    "sitcom",
    "soap",
    "song",
    "thriller",
    "trilogy",
]);

/// Title words that name a field or a rank, not a person's office, and open the names of
/// bodies as often as of offices: `Defence Procurement Agency` beside `Defence Secretary`,
/// `Special Immigration Appeals Commission`, `General Medical Council`, `State Planning
/// Organisation`. Person titles (`Deputy`, `Judge`, `Minister`) are not among them.
pub(crate) static BODY_TITLES: List = List::new(&[
    "defence",
    "defense",
    "finance",
    "foreign",
    "general",
    "presidential",
    "press",
    "special",
    "state",
    "supreme",
    "trade",
]);

/// Function words that are surnames too, lower case (`Neil Back`, `Walter Little`, `Peter
/// Such`, `Dan Rather`, `Diane Pretty`, `Thomas More`): after a given name, written with
/// their capital, they end a person's name instead of being stripped from it. Pronouns,
/// numbers and words of time never are (`Nigel I`, `Jackson Five`, `Pandora Tomorrow`).
pub(crate) static FUNCTION_SURNAMES: List = List::new(&[
    "back", "little", "more", "noone", "pretty", "rather", "such",
]);

/// Time zones, lower case, which a time writes in capitals (`by 1300 GMT`): no word of a
/// name (`1300 GMT Carnival's shares`).
pub(crate) static TIME_ZONES: List = List::new(&[
    "bst", "cdt", "cest", "cet", "cst", "edt", "est", "gmt", "mdt", "mst", "pdt", "pst", "utc",
]);

/// Words after which `in` is no preposition of place: a share, a part or a belief is held
/// in a company, a show or a creed (`interested in Yugansk`, `a role in EastEnders`, `faith
/// in God`, `nothing in Halo`).
pub(crate) static NOT_PLACE_BEFORE_IN: List = List::new(&[
    "appear",
    "appearance",
    "appeared",
    "appearing",
    "appears",
    "belief",
    "believe",
    "believed",
    "believes",
    "character",
    "faith",
    "interest",
    "interested",
    "interests",
    "invest",
    "invested",
    "investing",
    "investment",
    "investments",
    "nothing",
    "part",
    "role",
    "roles",
    "stake",
    "stakes",
    "starred",
    "starring",
    "stars",
]);

/// Lower-case organization nouns: `news agency X`, `X newspaper`, `, a group that`, `the band
/// Keane`.
pub(crate) static ORG_NOUNS: List = List::new(&[
    "agency",
    "airline",
    "automaker",
    "band",
    "bank",
    "broadcaster",
    "carmaker",
    "channel",
    "company",
    "conglomerate",
    "daily",
    "firm",
    "giant",
    "group",
    "institute",
    "insurer",
    "magazine",
    "manufacturer",
    "ministry",
    "network",
    "newspaper",
    "organisation",
    "organization",
    "outlet",
    "party",
    "publisher",
    "supermarket",
    "tabloid",
    "tank",
    "university",
    "watchdog",
    "website",
]);

pub(crate) fn is_head(word: &str) -> bool {
    is_org_head(word) || is_place_head(word)
}

/// A title word, also when hyphenated (`Secretary-General`) or written with a dot (`Mr.`).
pub(crate) fn is_title(lower: &str) -> bool {
    let w = lower.trim_end_matches('.');
    let title = |w: &str| is_title_word(w) || ROLES.contains(w);
    !w.is_empty() && (title(w) || (w.contains('-') && w.split('-').all(title)))
}

/// Adherents of a religion or a church, lower case, which no surname is (`christian` is:
/// `Terry Christian`).
pub(crate) static RELIGIONS: List = List::new(&[
    "anglican",
    "buddhist",
    "catholic",
    "catholics",
    "hindu",
    "jewish",
    "methodist",
    "muslim",
    "muslims",
    "orthodox",
    "protestant",
    "protestants",
    "shia",
    "shiite",
    "sikh",
    "sunni",
]);

/// Holidays and feasts, lower case: written with a capital, named like nothing else.
static HOLIDAYS: List = List::new(&[
    "christmas",
    "diwali",
    "easter",
    "hanukkah",
    "halloween",
    "hogmanay",
    "passover",
    "ramadan",
    "thanksgiving",
    "xmas",
]);

/// Whether folded `words` name a holiday or a day of one: the holiday alone or with
/// English words that are no head words (`Christmas`, `Christmas Eve`, `Merry Christmas`,
/// `Easter Sunday`; not `Christmas Island` or the ground `Easter Road`).
pub(crate) fn is_holiday_phrase<S: AsRef<str>>(words: &[S]) -> bool {
    let holiday = |w: &S| HOLIDAYS.contains(&w.as_ref());
    words.iter().any(holiday)
        && words.iter().all(|w| {
            holiday(w) || w.as_ref() == "merry" || (is_listed(w.as_ref()) && !is_head(w.as_ref()))
        })
}

/// Whether a lower-case word is an adjective made of a listed noun, which is no name
/// alone however it is written (`Parliamentary`, `Presidential`, `Ministerial`): the noun
/// of five letters or more, then `-ary`, `-ial` or `-ional` (`congress` is not listed, so
/// `Congressional` is not caught).
/// `-al` alone is left out, for it ends names (`Continental`, the airline).
pub(crate) fn is_adjective_of_listed(w: &str) -> bool {
    ["ary", "ial", "ional"].iter().any(|suffix| {
        w.strip_suffix(suffix)
            .is_some_and(|stem| stem.len() >= 5 && (is_common_word(stem) || is_title_word(stem)))
    })
}

/// Whether a lower-case word is one syllable of a romanized Korean name: an initial
/// consonant or none, a vowel, a final consonant or none (`ki`, `moon`, `jun`, `jong`,
/// `hyun`, `young`). Some are English words (`moon`, `young`) or a month's abbreviation
/// (`jun`); none of `born`, `style`, `era` or `made` is one.
pub(crate) fn is_korean_syllable(w: &str) -> bool {
    const INITIALS: &[&str] = &[
        "kk", "tt", "pp", "ss", "jj", "ch", "g", "k", "n", "d", "t", "r", "l", "m", "b", "p", "s",
        "j", "h", "y", "w", "",
    ];
    const VOWELS: &[&str] = &[
        "yae", "yeo", "wae", "ae", "ya", "eo", "ye", "wa", "oe", "yo", "wo", "we", "wi", "yu",
        "eu", "ui", "oo", "ee", "ou", "a", "e", "o", "u", "i",
    ];
    const FINALS: &[&str] = &["ng", "k", "n", "t", "l", "m", "p", ""];
    INITIALS.iter().any(|i| {
        w.strip_prefix(i).is_some_and(|rest| {
            VOWELS.iter().any(|v| {
                rest.strip_prefix(v)
                    .is_some_and(|fin| FINALS.contains(&fin))
            })
        })
    })
}

/// A word of the shipped lists: common, function, title, weekday or month.
pub(crate) fn is_listed(w: &str) -> bool {
    is_common_word(w) || is_function_word(w) || is_title_word(w) || is_calendar_word(w)
}

/// Whether the lower-case part of a hyphenated word is an English participle, which makes
/// the word a modifier (`Oscar-nominated`, `Labour-led`, `Chart-topping`), not a name form
/// (`Jong-un`, `Ki-moon`, `Xiao-ping`, `Ka-shing`: the syllables of romanized names are
/// shorter than these endings allow).
pub(crate) fn is_participle(part: &str) -> bool {
    part == "led"
        || (part.ends_with("ed") && part.len() >= 5)
        || (part.ends_with("ing") && part.len() >= 6)
}

/// Whether a lower-case word is an ordinary English word: listed, an inflection of a listed
/// word (`analysts`, `arrives`, `speaking`, `previously`), or a word with a derivational
/// suffix that names rarely have (`anticipation`, `accessibility`).
pub(crate) fn is_ordinary(w: &str) -> bool {
    if w.is_empty() || is_listed(w) {
        return true;
    }
    let mut stems: Vec<String> = Vec::new();
    if let Some(s) = w.strip_suffix("ies") {
        stems.push(format!("{s}y"));
    }
    if let Some(s) = w.strip_suffix("es") {
        stems.push(s.to_string());
    }
    if let Some(s) = w.strip_suffix('s').filter(|_| !w.ends_with("ss")) {
        stems.push(s.to_string());
    }
    for suffix in ["ing", "ed"] {
        if let Some(s) = w.strip_suffix(suffix) {
            stems.push(s.to_string());
            stems.push(format!("{s}e"));
            // A doubled last letter (`stopped`, `running`), compared as letters: two equal
            // bytes may end one character (`ṹ`).
            let mut last = s.chars().rev();
            if let (Some(a), Some(b)) = (last.next(), last.next()) {
                if a == b {
                    stems.push(s[..s.len() - a.len_utf8()].to_string());
                }
            }
        }
    }
    if let Some(s) = w.strip_suffix("ily") {
        stems.push(format!("{s}y"));
    }
    if let Some(s) = w.strip_suffix("ly") {
        stems.push(s.to_string());
    }
    for suffix in ["ful", "less", "ness", "ment"] {
        if let Some(s) = w.strip_suffix(suffix) {
            stems.push(s.to_string());
        }
    }
    if stems
        .iter()
        .any(|s| s.len() >= 3 && (is_common_word(s) || is_title_word(s)))
    {
        return true;
    }
    const DERIVED: &[&str] = &[
        "tion", "sion", "ment", "ness", "ity", "ism", "ance", "ence", "ings", "ally", "ful",
        "less", "ible", "able", "ical", "ive", "ous",
    ];
    w.chars().count() >= 7 && DERIVED.iter().any(|s| w.ends_with(s))
}

#[cfg(test)]
mod tests {
    use super::{is_adjective_of_listed, is_korean_syllable, is_ordinary};

    #[test]
    fn korean_syllables() {
        for w in [
            "ki", "moon", "jun", "jong", "hyun", "young", "chul", "un", "in",
        ] {
            assert!(is_korean_syllable(w), "{w}");
        }
        for w in ["born", "style", "era", "made", "based", "york"] {
            assert!(!is_korean_syllable(w), "{w}");
        }
    }

    #[test]
    fn adjectives_of_listed_nouns() {
        for w in [
            "parliamentary",
            "presidential",
            "ministerial",
            "documentary",
        ] {
            assert!(is_adjective_of_listed(w), "{w}");
        }
        // `-al` alone ends names; a short stem is no noun (`Mary`); an unlisted one says
        // nothing.
        for w in ["continental", "mary", "hillary", "zachary"] {
            assert!(!is_adjective_of_listed(w), "{w}");
        }
    }

    #[test]
    fn inflections_of_listed_words_are_ordinary() {
        assert!(is_ordinary("stopped"));
        assert!(is_ordinary("running"));
        assert!(!is_ordinary("brandvold"));
        // Two equal bytes ending one character are no doubled letter.
        assert!(!is_ordinary("ṹed"));
        assert!(!is_ordinary("ṹing"));
    }
}
