"""Why a word is reported: the reasons a Typo carries (no imports, so rule kinds can name them
without loading the speller)."""

REASON_UNKNOWN = "unknown word"  # in no dictionary and unseen on the web
REASON_COMMON = "common misspelling"  # on codespell's list
REASON_REJECT = "rejected by house vocabulary"
REASON_SLIP = "likely slip"  # attested, but errors for a much more common word explain it
REASON_RARE = "rare word"  # attested and no rival near, but too rare to count as a word
#: a rare dictionary form the web has mostly as a slip ("withing" for "within")
REASON_RARE_FORM = "rare form"
#: a word the dictionaries know only as a name or an abbreviation ("linux", "pdf"): a handle,
#: a brand's own styling or a capitalisation slip, never a misspelling
REASON_LOWER_CASE_NAME = "name in lower case"
#: a word in no dictionary and unseen on the web that no common word is a slip away from
#: ("libuv", "protobuf"): a name or a term of art far more often than a slip
REASON_NO_RIVAL = "unattested, no word near"
#: a listed misspelling that follows an accepted spelling convention ("cancelation",
#: "useable", "reenable"): house style may prefer the usual form, but it is no error
REASON_VARIANT = "variant spelling"
#: a speaker's own word form inside quoted speech or a transcript ("childs", "ourself"): what
#: was said, which an editor keeps (or marks [sic]), unlike a transcriber's slip
REASON_SPEECH = "speaker's form"
#: an unseen word near only a rare loanword, in copy that quotes another script ("laathi" beside
#: Hindi: "lathi"): the translator's transliteration more often than a slip
REASON_TRANSLITERATION = "transliteration"
#: reasons that are suggestions rather than warnings: the word could be jargon or meant
SUGGESTION_REASONS = frozenset(
    {
        REASON_RARE,
        REASON_RARE_FORM,
        REASON_LOWER_CASE_NAME,
        REASON_NO_RIVAL,
        REASON_VARIANT,
        REASON_SPEECH,
        REASON_TRANSLITERATION,
    }
)
