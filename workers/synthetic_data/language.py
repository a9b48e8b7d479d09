"""Language tasks: text transformation, tone and style, classification, extraction,
summarisation, translation, formatting, grammar."""

from __future__ import annotations

from workers.synthetic_data.base import Domain, pairs

LANGUAGES = (
    "French",
    "Spanish",
    "German",
    "Italian",
    "Portuguese",
    "Dutch",
    "Japanese",
    "Korean",
    "Simplified Chinese",
    "Arabic",
    "Russian",
    "Hindi",
    "Turkish",
    "Polish",
    "Swedish",
    "Indonesian",
    "Vietnamese",
)

# --- text transformation ------------------------------------------------------------------------
text = Domain(
    "text transformation",
    keywords=(
        "text",
        "sentence",
        "word",
        "paragraph",
        "line",
        "letter",
        "character",
        "phrase",
        "string",
        "passage",
        "title",
        "vowel",
        "punctuation",
        "transcript",
        "message",
        "post",
        "lyrics",
        "heading",
        "essay",
        "name",
        "review",
        "caption",
        "story",
        "email",
    )
    + (
        "consonant",
        "syllable",
        "poem",
        "typo",
        "spelling",
        "grammar",
        "capitalisation",
        "cipher",
        "ROT13",
        "HTML",
        "listing",
        "description",
        "OCR",
        "whitespace",
        "anagram",
        "acrostic",
        "pig Latin",
        "rewrite",
        "tweet",
        "diary",
        "instructions",
        "voice",
        "tense",
        "URL",
        "emoji",
        "article",
        "bullet",
    ),
    contexts=(
        "for a writing assistant",
        "for a text-processing pipeline",
        "for a browser extension",
        "for a productivity app",
        "for a chatbot",
    ),
    personas=(
        "a copy editor",
        "a data engineer cleaning text",
        "a teacher preparing worksheets",
        "a content moderator",
        "a puzzle designer",
        "a technical writer",
    ),
)
text.task(
    "rewrite",
    "reverse the order of the words in {unit}",
    {
        "unit": [
            "each sentence",
            "a sentence",
            "every line of a text",
            "short phrases",
            "song titles",
            "each line of a poem",
        ]
    },
    details=[
        "Keep the punctuation at the end of the sentence.",
        "Do not change the words themselves.",
        "Return only the reordered text.",
    ],
    generic=False,
)
text.task(
    "rewrite",
    "spell each word of {unit} backwards",
    {"unit": ["a sentence", "a short phrase", "each line of text", "a list of words"]},
    details=[
        "Keep the words in their original order.",
        "Keep the punctuation where it was.",
        "Return only the transformed text.",
    ],
    generic=False,
)
text.task(
    "format",
    "convert {kind} to {case}",
    {
        "kind": [
            "sentences",
            "headings",
            "product names",
            "song titles",
            "email subject lines",
            "blog post titles",
            "lists of words",
            "book titles",
        ],
        "case": ["uppercase", "lowercase", "title case", "sentence case"],
    },
)
text.task(
    "rewrite",
    "remove {thing} from {source}",
    {
        "thing source": pairs(
            {
                "all punctuation": [
                    "sentences",
                    "tweets",
                    "song lyrics",
                    "search queries",
                    "product titles",
                ],
                "filler words such as 'um' and 'uh'": [
                    "speech transcripts",
                    "interview transcripts",
                    "podcast transcripts",
                    "meeting transcripts",
                ],
                "emojis": [
                    "tweets",
                    "chat messages",
                    "product reviews",
                    "Instagram captions",
                    "forum posts",
                ],
                "URLs": [
                    "tweets",
                    "forum posts",
                    "chat messages",
                    "email bodies",
                    "scraped web text",
                ],
                "HTML tags": [
                    "scraped web pages",
                    "email bodies",
                    "product descriptions",
                    "blog posts",
                ],
                "repeated words": ["sentences", "paragraphs", "OCR output", "speech transcripts"],
                "extra whitespace": ["text snippets", "OCR output", "text copied from PDFs"],
            }
        )
    },
    details=["Leave everything else unchanged.", "Return only the cleaned text."],
    generic=False,
)
text.task(
    "rewrite",
    "spell out every number in {source} as words",
    {
        "source": [
            "sentences",
            "short stories",
            "children's books",
            "wedding invitations",
            "formal letters",
            "cheques",
        ]
    },
    details=[
        "Change nothing else.",
        "Write fractions and decimals out in full as well.",
        "Return only the rewritten text.",
    ],
    generic=False,
)
text.task(
    "rewrite",
    "expand the contractions in {source}",
    {"source": ["formal letters", "essays", "emails", "sentences", "dialogue transcripts"]},
)
text.task(
    "rewrite",
    "convert {source} into pig Latin",
    {"source": ["sentences", "short phrases", "names", "song lyrics"]},
    details=["Keep the punctuation in place.", "Return only the pig Latin version."],
    generic=False,
)
text.task(
    "rewrite",
    "{verb} {source} with the ROT13 cipher",
    {
        "verb": ["encode", "decode"],
        "source": ["sentences", "short messages", "spoiler text", "puzzle answers"],
    },
    details=["Leave digits and punctuation unchanged.", "Return only the result."],
    generic=False,
)
text.task(
    "calc",
    "count the {unit} in {source}",
    {
        "unit": [
            "words",
            "sentences",
            "vowels",
            "consonants",
            "capital letters",
            "punctuation marks",
            "syllables",
            "unique words",
        ],
        "source": ["a paragraph", "a short text", "a poem", "a product description", "an essay"],
    },
    details=["Answer with a single number.", "Explain how you counted."],
)
text.task(
    "format",
    "sort {items} {order}",
    {
        "items": [
            "the words in a sentence",
            "a list of names",
            "a comma-separated list of words",
            "the lines of a text",
            "a list of book titles",
        ],
        "order": ["alphabetically", "by length", "in reverse alphabetical order"],
    },
    details=["Return only the sorted items.", "Ignore case when comparing.", "Keep duplicates."],
    generic=False,
)
text.task(
    "rewrite",
    "rewrite {source} {change}",
    {
        "source": ["sentences", "short stories", "news reports", "instructions", "diary entries"],
        "change": [
            "from passive voice into active voice",
            "from active voice into passive voice",
            "in the past tense",
            "in the future tense",
            "in the first person",
            "in the third person",
            "in the second person",
        ],
    },
)
text.task(
    "rewrite",
    "correct the {error} in {source}",
    {
        "error": [
            "spelling mistakes",
            "grammar mistakes",
            "punctuation errors",
            "capitalisation errors",
            "typos",
        ],
        "source": [
            "emails",
            "essays",
            "text messages",
            "social media posts",
            "cover letters",
            "student essays",
            "forum posts",
            "product listings",
        ],
    },
    details=["Change nothing else.", "List each correction after the corrected text."],
)
text.task(
    "rewrite",
    "add missing punctuation to {source}",
    {
        "source": [
            "speech transcripts",
            "run-on sentences",
            "text messages",
            "auto-generated captions",
        ]
    },
)
text.task(
    "format",
    "split {source} into {units}",
    {
        "source": ["long paragraphs", "run-on sentences", "transcripts", "articles"],
        "units": [
            "separate sentences",
            "shorter sentences",
            "bullet points",
            "one sentence per line",
        ],
    },
)
text.task(
    "rewrite",
    "replace every name in {source} with a placeholder",
    {
        "source": [
            "chat logs",
            "support emails",
            "interview transcripts",
            "meeting notes",
            "court documents",
        ]
    },
    details=[
        "Use the same placeholder for repeated mentions of one person.",
        "Number the placeholders, such as [PERSON 1].",
        "Change nothing else.",
    ],
    generic=False,
)
text.task(
    "rewrite",
    "turn {source} into an acrostic poem",
    {"source": ["a person's name", "a single word", "a company name", "a holiday name"]},
    details=[
        "Start each line with the next letter.",
        "Keep the lines short.",
        "Make the poem upbeat.",
    ],
    generic=False,
)
text.task(
    "rewrite",
    "rewrite each word of {source} as an anagram",
    {"source": ["a sentence", "a short phrase", "a list of words"]},
    details=["Return one anagram per word.", "Use only real words where possible."],
    generic=False,
)

# --- tone and style ------------------------------------------------------------------------------
style = Domain(
    "tone and style",
    keywords=(
        "tone",
        "formal",
        "casual",
        "polite",
        "style",
        "friendly",
        "concise",
        "wording",
        "rewrite",
        "paraphrase",
        "simplify",
        "sound",
        "readable",
        "email",
        "letter",
        "message",
        "text",
        "post",
        "description",
        "paragraph",
        "inclusive",
        "neutral",
    )
    + (
        "jargon",
        "gender-neutral",
        "passage",
        "headline",
        "instructions",
        "documents",
        "manuals",
        "updates",
        "reports",
        "press releases",
        "words",
        "abstracts",
        "bios",
        "notes",
        "haiku",
        "limerick",
        "poem",
        "spelling",
        "language",
        "rhyming",
    ),
    contexts=(
        "for a writing assistant",
        "for an email client",
        "for a browser extension",
        "for a content team",
    ),
    personas=(
        "a communications manager",
        "a freelance writer",
        "a non-native English speaker",
        "a customer success manager",
        "an editor",
        "a student",
    ),
)
style.task(
    "rewrite",
    "rewrite {source} to sound {tone}",
    {
        "source tone": pairs(
            {
                "emails": [
                    "more formal",
                    "more casual",
                    "friendlier",
                    "more polite",
                    "more confident",
                    "less aggressive",
                    "more professional",
                    "warmer",
                ],
                "cover letters": [
                    "more confident",
                    "more formal",
                    "more enthusiastic",
                    "more professional",
                ],
                "product descriptions": [
                    "more enthusiastic",
                    "more persuasive",
                    "more luxurious",
                    "more playful",
                ],
                "error messages": [
                    "friendlier",
                    "more helpful",
                    "less technical",
                    "calmer",
                    "more apologetic",
                ],
                "apology messages": ["more sincere", "more empathetic", "more formal", "warmer"],
                "job postings": [
                    "more inclusive",
                    "friendlier",
                    "more exciting",
                    "more professional",
                ],
                "social media posts": [
                    "more playful",
                    "more professional",
                    "more upbeat",
                    "more neutral",
                ],
                "complaint letters": ["more polite", "more assertive", "calmer", "more formal"],
                "company announcements": [
                    "more upbeat",
                    "more transparent",
                    "more reassuring",
                    "more formal",
                ],
                "text messages": ["more polite", "more formal", "warmer", "more casual"],
                "performance feedback": [
                    "more constructive",
                    "kinder",
                    "more encouraging",
                    "more diplomatic",
                ],
                "customer service replies": [
                    "more empathetic",
                    "more professional",
                    "more reassuring",
                ],
            }
        )
    },
)
style.task(
    "rewrite",
    "make {source} more concise",
    {
        "source": [
            "emails",
            "reports",
            "paragraphs",
            "product descriptions",
            "slide bullet points",
            "meeting notes",
            "résumé bullet points",
            "essays",
            "documentation pages",
            "newsletters",
        ]
    },
    details=["Cut at least a third of the words.", "Keep every important fact."],
)
style.task(
    "rewrite",
    "shorten {source} to under {n} words",
    {
        "source": [
            "product descriptions",
            "speaker bios",
            "abstracts",
            "event descriptions",
            "app store descriptions",
        ],
        "n": ["25", "50", "100"],
    },
)
style.task(
    "rewrite",
    "simplify {source} for {audience}",
    {
        "source audience": pairs(
            {
                "scientific abstracts": [
                    "a ten-year-old",
                    "a general audience",
                    "high school students",
                ],
                "news articles": [
                    "a ten-year-old",
                    "non-native English speakers",
                    "readers with low literacy",
                ],
                "technical documentation": [
                    "complete beginners",
                    "non-technical managers",
                    "new employees",
                ],
                "insurance policies": ["first-time buyers", "a general audience"],
                "instructions": [
                    "non-native English speakers",
                    "older adults",
                    "complete beginners",
                ],
                "encyclopedia paragraphs": ["a ten-year-old", "non-native English speakers"],
                "philosophy texts": ["high school students", "a general audience"],
            }
        )
    },
)
style.task(
    "rewrite",
    "paraphrase {source} {how}",
    {
        "source": [
            "sentences",
            "paragraphs",
            "quotes",
            "essay passages",
            "product reviews",
            "news headlines",
        ],
        "how": [
            "without changing the meaning",
            "using simpler words",
            "in fewer words",
            "using a different sentence structure",
        ],
    },
    details=["Keep names and numbers unchanged."],
)
style.task(
    "rewrite",
    "rewrite {source} in the style of {voice}",
    {
        "source": [
            "short paragraphs",
            "weather reports",
            "product descriptions",
            "news headlines",
            "recipes",
            "bedtime stories",
        ],
        "voice": [
            "a pirate",
            "Shakespeare",
            "a sports commentator",
            "a noir detective novel",
            "a fairy tale",
            "a tabloid newspaper",
            "a nature documentary narrator",
        ],
    },
)
style.task(
    "rewrite",
    "turn {source} into {form}",
    {
        "source": [
            "meeting notes",
            "news articles",
            "recipes",
            "lecture notes",
            "weather forecasts",
        ],
        "form": ["a haiku", "a limerick", "a rhyming couplet", "a short poem"],
    },
)
style.task(
    "rewrite",
    "make {source} gender-neutral",
    {
        "source": [
            "job postings",
            "policy documents",
            "emails",
            "instructions",
            "school letters",
            "user manuals",
        ]
    },
)
style.task(
    "rewrite",
    "remove jargon from {source}",
    {
        "source": [
            "business emails",
            "technical reports",
            "project updates",
            "press releases",
            "investor updates",
            "software release notes",
        ]
    },
)
style.task(
    "rewrite",
    "rewrite {source} in British English spelling",
    {"source": ["emails", "articles", "product pages", "reports"]},
)
style.task(
    "rewrite",
    "rewrite {source} in American English spelling",
    {"source": ["emails", "articles", "product pages", "reports"]},
)
style.task(
    "rewrite",
    "rewrite {source} using active, direct language",
    {"source": ["government letters", "policy documents", "academic essays", "company memos"]},
)

# --- classification -------------------------------------------------------------------------------
classify = Domain(
    "classification",
    keywords=(
        "classify",
        "label",
        "category",
        "categories",
        "detect",
        "sentiment",
        "decide",
        "determine",
        "identify",
        "flag",
        "rate",
        "sort",
        "topic",
        "genre",
        "spam",
        "emotion",
        "sarcasm",
        "intent",
        "toxic",
        "whether",
    ),
    contexts=(
        "for a data labelling project",
        "for an analytics dashboard",
        "for a text classification pipeline",
        "for a research project",
    ),
    personas=(
        "a data scientist",
        "a content moderator",
        "a product analyst",
        "a community manager",
        "a market researcher",
        "a machine learning engineer",
    ),
)
REVIEWS = [
    "restaurant reviews",
    "hotel reviews",
    "movie reviews",
    "book reviews",
    "app store reviews",
    "product reviews",
    "airline tweets",
    "video game reviews",
    "podcast reviews",
    "employee comments",
    "customer survey responses",
    "course evaluations",
    "car reviews",
    "concert reviews",
    "museum reviews",
]
classify.task(
    "classify",
    "classify the sentiment of {source} as {labels}",
    {"source": REVIEWS, "labels": ["positive or negative", "positive, negative or neutral"]},
)
classify.task(
    "classify",
    "rate the sentiment of {source} on a scale from 1 to 5",
    {"source": REVIEWS},
    details=["Use 1 for very negative and 5 for very positive."],
)
classify.task(
    "classify",
    "decide whether each {message} is spam",
    {
        "message": [
            "SMS message",
            "email",
            "blog comment",
            "forum post",
            "YouTube comment",
            "contact form submission",
            "dating app message",
            "product review",
        ]
    },
    details=["Answer 'spam' or 'not spam'."],
)
classify.task(
    "classify",
    "classify {source} by {criterion}",
    {
        "source criterion": [
            ("news headlines", "topic"),
            ("research abstracts", "scientific field"),
            ("book blurbs", "genre"),
            ("song lyrics", "mood"),
            ("podcast descriptions", "genre"),
            ("movie plot summaries", "genre"),
            ("questions on a Q&A site", "subject area"),
            ("job postings", "seniority level"),
            ("essays", "reading level"),
            ("poems", "mood"),
            ("company descriptions", "industry sector"),
            ("app descriptions", "app category"),
            ("website text", "industry"),
            ("tweets", "emotion"),
            ("user questions", "difficulty level"),
            ("online courses", "skill level"),
        ]
    },
)
classify.task(
    "classify",
    "detect the language of {source}",
    {
        "source": [
            "short texts",
            "tweets",
            "search queries",
            "user reviews",
            "support emails",
            "song titles",
        ]
    },
    details=["Answer with the ISO 639-1 code.", "Answer with the language name in English."],
)
classify.task(
    "classify",
    "label the emotion in {source} as {labels}",
    {
        "source": [
            "tweets",
            "diary entries",
            "dialogue lines",
            "song lyrics",
            "customer messages",
            "poems",
        ],
        "labels": [
            "joy, anger, sadness, fear, surprise or disgust",
            "happy, sad, angry or neutral",
        ],
    },
)
classify.task(
    "classify",
    "detect sarcasm in {source}",
    {"source": ["tweets", "product reviews", "Reddit comments", "news comments", "chat messages"]},
    details=["Answer 'sarcastic' or 'not sarcastic'."],
)
classify.task(
    "classify",
    "detect clickbait in {source}",
    {
        "source": [
            "news headlines",
            "YouTube video titles",
            "email subject lines",
            "blog post titles",
        ]
    },
)
classify.task(
    "classify",
    "flag {bad} in {source}",
    {
        "bad": [
            "toxic language",
            "hate speech",
            "personal attacks",
            "profanity",
            "harassment",
            "self-promotion",
        ],
        "source": [
            "gaming chat messages",
            "forum comments",
            "YouTube comments",
            "livestream chat",
            "product Q&A posts",
            "community forum threads",
        ],
    },
    details=["Answer 'flag' or 'ok' for each message."],
)
classify.tasks(
    "classify",
    [
        "decide whether a hypothesis follows from a premise",
        "determine whether two sentences are paraphrases",
        "determine whether two questions ask the same thing",
        "decide whether a headline matches the article below it",
        "decide whether an answer actually addresses the question asked",
        "determine whether a product review mentions a defect",
        "decide whether a sentence is a question, a command or a statement",
        "decide whether a statement contradicts a given passage",
    ],
)
classify.task(
    "classify",
    "identify the intent of {utterance} for {assistant}",
    {
        "utterance": ["user messages", "voice commands", "chat queries"],
        "assistant": [
            "a banking chatbot",
            "a travel booking assistant",
            "a smart home assistant",
            "a food delivery app",
            "a telecom support bot",
            "a retail chatbot",
            "a fitness app",
        ],
    },
)
classify.task(
    "classify",
    "classify the formality of {source} as formal or informal",
    {"source": ["emails", "sentences", "chat messages", "letters", "product reviews"]},
)
classify.task(
    "classify",
    "classify {source} as fact or opinion",
    {
        "source": [
            "sentences from news articles",
            "product claims",
            "social media posts",
            "political statements",
            "statements in student essays",
        ]
    },
)
classify.task(
    "classify",
    "classify {source} as {labels}",
    {
        "source labels": [
            ("questions", "factual, opinion or yes/no questions"),
            ("customer messages", "question, complaint, compliment or request"),
            ("search queries", "informational, navigational or transactional"),
            ("sentences", "formal, neutral or slang"),
            ("online comments", "constructive or unconstructive"),
            ("forum posts", "on-topic or off-topic"),
        ]
    },
)

# --- extraction -----------------------------------------------------------------------------------
extract = Domain(
    "information extraction",
    keywords=(
        "extract",
        "find",
        "identify",
        "list",
        "pull",
        "names",
        "dates",
        "entities",
        "keywords",
        "addresses",
        "numbers",
        "mentions",
        "tag",
        "question-answer",
        "quotes",
        "details",
    ),
    contexts=(
        "for a document-processing pipeline",
        "for a search index",
        "for a research database",
        "for a data pipeline",
    ),
    personas=(
        "a data analyst",
        "a researcher",
        "an operations manager",
        "a records clerk",
        "a knowledge manager",
        "a software developer",
    ),
)
extract.task(
    "extract",
    "extract {field} from {source}",
    {
        "field source": [
            ("the dates and times of meetings", "emails"),
            ("the sender's requests", "emails"),
            ("action items", "emails"),
            ("deadlines", "emails"),
            ("phone numbers", "email signatures"),
            ("names of people", "news articles"),
            ("names of organisations", "news articles"),
            ("place names", "news articles"),
            ("direct quotes and their speakers", "news articles"),
            ("numbers and statistics", "news articles"),
            ("contact details", "web pages"),
            ("opening hours", "business web pages"),
            ("prices", "web pages"),
            ("addresses", "text messages"),
            ("times and places of meetups", "text messages"),
            ("birth dates and places", "biographies"),
            ("education history", "biographies"),
            ("key achievements", "biographies"),
            ("lists of published works", "author biographies"),
            ("event dates and venues", "event announcements"),
            ("ticket prices", "event announcements"),
            ("speaker names", "conference programmes"),
            ("product names and versions", "release announcements"),
            ("company names", "business news"),
        ]
    },
)
extract.task(
    "extract",
    "extract the {n} most important keywords from {source}",
    {
        "n": ["three", "five", "ten"],
        "source": [
            "blog posts",
            "research abstracts",
            "news articles",
            "product descriptions",
            "job postings",
            "lecture notes",
        ],
    },
    details=["Order them from most to least important."],
)
extract.task(
    "extract",
    "find all {pattern} in {source}",
    {
        "pattern": [
            "email addresses",
            "URLs",
            "phone numbers",
            "dates",
            "hashtags",
            "@mentions",
            "monetary amounts",
            "percentages",
            "postal codes",
        ],
        "source": ["plain text", "chat logs", "scraped web pages", "support emails"],
    },
)
extract.task(
    "extract",
    "tag the named entities in {source} as {labels}",
    {
        "source": ["news sentences", "tweets", "biographies", "historical texts", "travel blogs"],
        "labels": ["person, organisation or location", "person, place, date or event"],
    },
)
extract.task(
    "extract",
    "extract question-answer pairs from {source}",
    {
        "source": [
            "FAQ pages",
            "interview transcripts",
            "support chats",
            "lecture notes",
            "textbook chapters",
        ]
    },
)
extract.task(
    "extract",
    "extract every {relation} mentioned in {source}",
    {
        "relation": [
            "cause-and-effect relationship",
            "comparison",
            "claim and its supporting evidence",
        ],
        "source": ["history essays", "science articles", "news reports", "opinion columns"],
    },
)
extract.task(
    "extract",
    "extract the relationships between people mentioned in {source}",
    {"source": ["biographies", "novel chapters", "news articles", "family history notes"]},
    details=["Return each relationship as a (person, relation, person) triple."],
)
extract.task(
    "extract",
    "fill a structured form with the details found in {source}",
    {
        "source": [
            "free-text order requests",
            "emailed job applications",
            "event registration emails",
            "appointment requests",
            "rental enquiries",
        ]
    },
    details=["Use null for any field that is not mentioned."],
)

# --- summarisation --------------------------------------------------------------------------------
summary = Domain(
    "summarisation",
    keywords=(
        "summary",
        "summarise",
        "summaries",
        "tl;dr",
        "headline",
        "key points",
        "takeaways",
        "bullet points",
        "condense",
        "recap",
        "title",
        "abstract",
        "one sentence",
        "digest",
        "executive",
        "short paragraph",
        "words",
    ),
    contexts=(
        "for a reading assistant",
        "for a productivity app",
        "for a research assistant",
        "for a browser extension",
    ),
    personas=(
        "a product manager",
        "a journalist",
        "a student",
        "an executive assistant",
        "a research analyst",
        "a team lead",
    ),
)
DOCS = [
    "news articles",
    "meeting transcripts",
    "research papers",
    "product reviews",
    "customer support chats",
    "podcast transcripts",
    "video transcripts",
    "email threads",
    "book chapters",
    "lecture notes",
    "blog posts",
    "Reddit threads",
    "press releases",
    "interview transcripts",
    "policy documents",
]
summary.task(
    "summarise",
    "summarise {source} in {length}",
    {
        "source": DOCS,
        "length": [
            "one sentence",
            "three bullet points",
            "under 50 words",
            "a short paragraph",
            "five bullet points",
        ],
    },
)
summary.task(
    "summarise",
    "list the key takeaways from {source}",
    {"source": DOCS},
    details=["Give at most five takeaways."],
)
summary.task(
    "write",
    "write a headline for {source}",
    {
        "source": [
            "news articles",
            "blog posts",
            "press releases",
            "research summaries",
            "product announcements",
            "local news stories",
        ]
    },
    details=["Keep it under twelve words."],
)
summary.task(
    "summarise",
    "write a TL;DR for {source}",
    {
        "source": [
            "long emails",
            "Reddit posts",
            "technical documents",
            "terms of service",
            "forum threads",
        ]
    },
)
summary.task(
    "write",
    "generate a title for {source}",
    {
        "source": [
            "essays",
            "blog drafts",
            "videos from their transcripts",
            "podcast episodes from their show notes",
            "short stories",
            "slide decks",
        ]
    },
)
summary.task(
    "summarise",
    "condense {source} into an executive summary",
    {
        "source": [
            "business reports",
            "project updates",
            "market research reports",
            "quarterly reviews",
            "strategy documents",
            "audit reports",
        ]
    },
)
summary.task(
    "summarise",
    "summarise {source} for {audience}",
    {
        "source": [
            "research papers",
            "technical incident reports",
            "policy proposals",
            "annual reports",
            "long design documents",
            "survey results",
        ],
        "audience": ["a non-expert", "a manager", "a busy executive", "a student"],
    },
)
summary.tasks(
    "summarise",
    [
        "summarise the main arguments of opinion pieces",
        "summarise the pros and cons mentioned in product reviews",
        "summarise the decisions made in meeting minutes",
        "summarise the plot of each chapter of a novel",
        "summarise the changes described in a changelog",
        "summarise the points of agreement and disagreement in a debate transcript",
        "summarise customer feedback into recurring themes",
        "summarise a long chat conversation for someone who missed it",
    ],
)
summary.task(
    "summarise",
    "write a one-paragraph recap of {source}",
    {
        "source": [
            "TV episodes from their scripts",
            "webinar transcripts",
            "conference talks",
            "team retrospectives",
            "online workshops",
        ]
    },
)

# --- translation ----------------------------------------------------------------------------------
translation = Domain(
    "translation",
    keywords=(
        "translate",
        "translation",
        "transliterate",
        "English",
        "language",
        "spelling",
        "script",
        "alphabet",
        "Portuguese",
        "Spanish",
        "Chinese",
        "Serbian",
        "emoji",
        "text-speak",
        "dialect",
    )
    + LANGUAGES,
    contexts=(
        "for a localisation team",
        "for a translation app",
        "for a language services company",
    ),
    personas=(
        "a localisation manager",
        "a translator",
        "an expat",
        "an international student",
        "an online shop owner",
        "a subtitle editor",
    ),
)
TRANSLATE_DOCS = [
    "restaurant menus",
    "product descriptions",
    "customer emails",
    "tweets",
    "film subtitles",
    "hotel reviews",
    "short business emails",
    "street signs",
    "children's stories",
    "instruction manuals",
    "news headlines",
    "text messages",
    "job postings",
    "tourist brochures",
]
translation.task(
    "translate",
    "translate {source} from English into {language}",
    {"source": TRANSLATE_DOCS, "language": LANGUAGES},
)
translation.task(
    "translate",
    "translate {source} from {language} into English",
    {"source": TRANSLATE_DOCS, "language": LANGUAGES},
)
translation.task(
    "translate",
    "translate {source} into {language} while keeping the meaning rather than the literal words",
    {
        "source": ["idioms", "proverbs", "jokes", "slogans", "marketing taglines"],
        "language": [
            "French",
            "Spanish",
            "German",
            "Japanese",
            "Italian",
            "Portuguese",
            "Korean",
            "Dutch",
        ],
    },
)
translation.task(
    "translate",
    "convert {source} from {a} to {b}",
    {
        "source": ["emails", "articles", "product descriptions", "subtitles"],
        "a b": [
            ("British English", "American English"),
            ("American English", "British English"),
            ("European Portuguese", "Brazilian Portuguese"),
            ("Castilian Spanish", "Latin American Spanish"),
            ("Simplified Chinese", "Traditional Chinese"),
            ("Serbian Cyrillic", "Serbian Latin script"),
            ("text-speak", "standard English"),
            ("modern English", "Shakespearean English"),
        ],
    },
)
translation.task(
    "translate",
    "transliterate {names} from {script} into the Latin alphabet",
    {
        "names": ["personal names", "place names", "street names", "brand names"],
        "script": [
            "Cyrillic",
            "Greek",
            "Arabic",
            "Devanagari",
            "Hangul",
            "Japanese kana",
            "Hebrew",
        ],
    },
    details=[
        "Follow a standard romanisation system.",
        "Return only the transliteration.",
        "Keep one name per line.",
    ],
    generic=False,
)
translation.tasks(
    "translate",
    [
        "translate emoji-filled messages into plain English",
        "translate English slang into standard English",
        "translate regional dialect in dialogue into standard English",
        "translate technical error messages into Spanish and French",
    ],
)

# --- formatting -----------------------------------------------------------------------------------
formatting = Domain(
    "formatting",
    keywords=(
        "format",
        "JSON",
        "CSV",
        "YAML",
        "XML",
        "Markdown",
        "table",
        "list",
        "date",
        "bullet",
        "numbered",
        "HTML",
        "ISO",
        "TOML",
        "INI",
        "phone",
        "address",
        "checklist",
        "contents",
        "vCard",
        "iCalendar",
        "BibTeX",
        "pretty-print",
        "minified",
        "normalise",
        "times",
        "amounts",
    )
    + (
        "units",
        "specs",
    ),
    contexts=(
        "for a data pipeline",
        "for an office automation tool",
        "for a productivity app",
        "for a documentation team",
    ),
    personas=(
        "a data engineer",
        "a technical writer",
        "an office administrator",
        "a web developer",
        "a database administrator",
        "a project coordinator",
    ),
)
formatting.task(
    "format",
    "convert {a} to {b}",
    {
        "a b": [
            ("CSV data", "JSON"),
            ("JSON records", "CSV"),
            ("JSON", "YAML"),
            ("YAML", "JSON"),
            ("XML", "JSON"),
            ("JSON", "XML"),
            ("Markdown tables", "CSV"),
            ("CSV files", "Markdown tables"),
            ("HTML tables", "Markdown tables"),
            ("HTML pages", "Markdown"),
            ("Markdown", "HTML"),
            ("INI files", "YAML"),
            ("TOML files", "JSON"),
            ("plain-text lists", "JSON arrays"),
            ("key-value pairs", "JSON objects"),
            ("tab-separated values", "CSV"),
            ("JSON Lines files", "a single JSON array"),
        ]
    },
)
formatting.task(
    "format",
    "normalise {what} to {target}",
    {
        "what target": [
            ("dates", "ISO 8601 (YYYY-MM-DD)"),
            ("dates", "the US format MM/DD/YYYY"),
            ("dates", "the day-month-year format"),
            ("dates", "a written form such as 'March 5, 2024'"),
            ("phone numbers", "the international E.164 format"),
            ("phone numbers", "a consistent national format"),
            ("people's names", "'Last, First' order"),
            ("postal addresses", "a single line"),
            ("times", "the 24-hour format"),
            ("times", "the 12-hour format with AM and PM"),
            ("currency amounts", "two decimals with thousands separators"),
            ("country names", "ISO 3166 country codes"),
            ("units in product specs", "metric units"),
            ("job titles", "a standard list of titles"),
        ]
    },
)
formatting.task(
    "format",
    "turn {source} into {target}",
    {
        "source target": [
            ("meeting notes", "a Markdown checklist"),
            ("a list of tasks", "a Markdown checklist"),
            ("a paragraph of steps", "a numbered list"),
            ("a recipe paragraph", "a numbered list"),
            ("a bulleted list", "a numbered list"),
            ("interview answers", "a two-column table"),
            ("product specifications", "a two-column table"),
            ("a comma-separated list", "a bulleted list"),
            ("a schedule in prose", "a table with times and activities"),
        ]
    },
)
formatting.task(
    "format",
    "pretty-print {source}",
    {
        "source": [
            "minified JSON",
            "minified HTML",
            "single-line SQL queries",
            "XML documents",
            "minified CSS",
        ]
    },
)
formatting.task(
    "format",
    "generate a table of contents for {source}",
    {
        "source": [
            "Markdown documents",
            "long reports",
            "user manuals",
            "ebook drafts",
            "wiki pages",
        ]
    },
)
formatting.task(
    "format",
    "format {source} as {target}",
    {
        "source target": [
            ("raw addresses", "mailing labels"),
            ("a list of contacts", "vCards"),
            ("event details", "iCalendar entries"),
            ("bibliographic data", "BibTeX entries"),
            ("test results", "a JUnit XML report"),
            ("survey answers", "a CSV file"),
            ("a price list", "an aligned plain-text table"),
            ("chat logs", "a readable transcript"),
        ]
    },
)
formatting.task(
    "format",
    "convert {source} into a table with one row per {row}",
    {
        "source row": [
            ("free-text product specs", "attribute"),
            ("a list of appointments", "appointment"),
            ("an email with order details", "item ordered"),
            ("a class timetable in prose", "lesson"),
            ("a workout description", "exercise"),
        ]
    },
)

# --- grammar and language learning ----------------------------------------------------------------
grammar = Domain(
    "grammar and language learning",
    keywords=(
        "grammar",
        "grammatical",
        "verb",
        "noun",
        "sentence",
        "word",
        "part of speech",
        "tense",
        "clause",
        "adjective",
        "vocabulary",
        "synonym",
        "antonym",
        "rhyme",
        "syllable",
        "conjugate",
        "learner",
        "French",
        "Spanish",
        "German",
        "Italian",
        "Portuguese",
        "Japanese",
    )
    + (
        "phrase",
        "prepositional",
        "subject",
    ),
    contexts=(
        "for a language-learning app",
        "for a tutoring service",
        "for self-study learners",
        "for a language school",
    ),
    personas=(
        "a language teacher",
        "an English learner",
        "a linguistics student",
        "a tutor",
        "a self-taught Spanish learner",
    ),
)
grammar.task(
    "extract",
    "tag each word in {source} with its part of speech",
    {"source": ["sentences", "tweets", "short paragraphs", "headlines"]},
)
grammar.task(
    "extract",
    "identify {part} in {source}",
    {
        "part": [
            "the subject and main verb",
            "the main clause",
            "the adjectives and adverbs",
            "the prepositional phrases",
            "the tense of each verb",
        ],
        "source": ["sentences", "complex sentences", "short passages"],
    },
)
grammar.task(
    "classify",
    "decide whether {source} are grammatically correct",
    {"source": ["sentences", "sentences written by English learners", "translated sentences"]},
    details=["If not, give the corrected sentence."],
)
grammar.task(
    "answer",
    "suggest synonyms for overused words in {source}",
    {"source": ["essays", "cover letters", "blog posts", "short stories"]},
)
grammar.task(
    "answer",
    "give {what} for a given word",
    {
        "what": [
            "five synonyms",
            "three antonyms",
            "words that rhyme with it",
            "its syllable count",
            "an example sentence",
        ]
    },
)
grammar.task(
    "rewrite",
    "conjugate {language} verbs in {tense}",
    {
        "language": ["French", "Spanish", "German", "Italian", "Portuguese"],
        "tense": [
            "the present tense",
            "the past tense",
            "the future tense",
            "the subjunctive mood",
        ],
    },
    details=[
        "Give all six persons.",
        "Return a table with one row per person.",
        "Mark irregular forms.",
    ],
    generic=False,
)
grammar.task(
    "explain",
    "explain the grammar of {language} sentences to {learners}",
    {
        "language": ["French", "Spanish", "German", "Japanese", "Italian"],
        "learners": ["beginners", "intermediate learners"],
    },
)
grammar.task(
    "write",
    "create a {language} vocabulary list about {topic}",
    {
        "language": [
            "French",
            "Spanish",
            "German",
            "Italian",
            "Portuguese",
            "Japanese",
            "Korean",
            "Dutch",
        ],
        "topic": ["food", "travel", "business meetings", "visiting the doctor", "the weather"],
    },
    details=["Include the English meaning of each word."],
)
grammar.task(
    "write",
    "write {n} example sentences that use {point}",
    {
        "n": ["three", "five"],
        "point": [
            "the present perfect",
            "phrasal verbs",
            "conditional sentences",
            "relative clauses",
            "reported speech",
            "comparative adjectives",
        ],
    },
)
grammar.task(
    "explain",
    "explain why {source} is grammatically wrong",
    {"source": ["a sentence", "a learner's sentence", "a headline"]},
)

DOMAINS = [text, style, classify, extract, summary, translation, formatting, grammar]
