"""Hand-written word lists the built-in tasks draw from (what no data package ships in a usable form).

Every list is plain lower-case English, checked by eye; categories do not overlap.
"""

from __future__ import annotations

# Countable nouns with regular and irregular plurals (inflect gives the plural/singular). Words
# inflect gets wrong (thief -> "thiefs"; listen -> "listenning") are left out of both lists.
NOUNS: tuple[str, ...] = tuple(
    dict.fromkeys(
        """
apple baby ball bank basket beach bed bell berry bird boat body book bottle box boy branch bridge
brush bus butterfly cake camera candle car card cat chair cherry child church city class cloud coat
computer country cow cup dairy day deer desk dish dog doll door dress duck egg elephant engine eye
face farm fish flower fly foot fox friend game garden gift girl glass goose hat hero horse hour
house idea island jacket key kid kitchen knife lady lamp leaf lemon letter library lily lion lunch
man map match monkey mouse mouth movie nurse ocean office orange ox party pencil penny person phone
photo piano pie plane plant potato puppy queen radio river road roof room rose school sheep shelf
ship shoe song spoon star story student table teacher tomato tooth town toy train tree truck
valley watch wife window wish wolf woman worker zoo analysis cactus crisis hypothesis calf
half loaf wharf echo volcano tornado mosquito city lady cherry army family battery activity company
""".split()
    )
)

# Regular and irregular verbs for -ing forms and the like.
VERBS: tuple[str, ...] = tuple(
    """
ask bake begin bring build buy call carry catch change clean climb close come cook count cry cut
dance dig dive do draw dream drink drive eat enjoy fall feel fight find fix fly follow forget get
give go grow hang have hear help hide hit hold hope hug jog join jump keep kick kiss knit know laugh
lead learn leave lie live look lose make meet move paint pay pick plan play pray pull
push put read relax ride ring rise run say see sell send sew shop shout shut sing sit ski skip sleep
slide smile speak spend stand start stay stir stop study swim take talk teach tell think throw tie
travel try turn type use wait wake walk want wash watch win work worry write yell
""".split()
)

POSITIVE_WORDS: tuple[str, ...] = tuple(
    """
amazing awesome beautiful brilliant charming delightful excellent fantastic fun great good happy
lovely marvelous nice perfect pleasant superb terrific wonderful enjoyable impressive outstanding
cheerful friendly helpful fresh delicious comfortable exciting
""".split()
)
NEGATIVE_WORDS: tuple[str, ...] = tuple(
    """
awful bad boring broken dirty disappointing disgusting dull horrible mediocre miserable nasty poor
rude sad terrible ugly unpleasant useless weak annoying stale cold noisy painful slow confusing
overpriced rotten shabby
""".split()
)
SENTIMENT_TOPICS: tuple[str, ...] = tuple(
    """
movie food service hotel book show concert trip weather game room coffee pizza staff music app
class party meal flight experience
""".split()
)

# Greeting words by language (ASCII forms, as people often type them).
GREETINGS: dict[str, tuple[str, ...]] = {
    "English": (
        "hello",
        "good morning",
        "good evening",
        "hi there",
        "good afternoon",
        "good night",
    ),
    "French": ("bonjour", "bonsoir", "salut", "bonne nuit", "bonne journee", "coucou"),
    "Spanish": ("hola", "buenos dias", "buenas tardes", "buenas noches", "que tal", "saludos"),
    "German": ("hallo", "guten morgen", "guten tag", "guten abend", "gute nacht", "servus"),
    "Italian": ("ciao", "buongiorno", "buonasera", "buonanotte", "salve", "buon pomeriggio"),
    "Portuguese": ("ola", "bom dia", "boa tarde", "boa noite", "tudo bem", "oi"),
    "Dutch": ("hoi", "goedemorgen", "goedemiddag", "goedenavond", "goedenacht", "dag allemaal"),
}
GREETING_ADDRESSEES: tuple[str, ...] = tuple(
    """
Anna Marco Sofia Lukas Emma Jan Julia Pedro Marie Paolo Lisa Tom Clara Hugo Eva Noah Lea Max Ines
Luca
""".split()
)

# Word categories for a closed-set classification task (no word in two lists).
CATEGORIES: dict[str, tuple[str, ...]] = {
    "animal": tuple(
        """dog cat horse cow lion tiger bear wolf fox rabbit mouse elephant giraffe zebra
        monkey camel deer goat sheep pig donkey kangaroo koala panda otter""".split()
    ),
    "fruit": tuple(
        """apple banana cherry grape lemon lime mango melon orange peach pear plum
        kiwi papaya pineapple apricot coconut fig guava lychee raspberry strawberry blueberry date
        nectarine""".split()
    ),
    "color": tuple(
        """red blue green yellow purple amber pink brown black white gray violet
        indigo turquoise maroon beige crimson teal magenta lavender olive navy scarlet silver
        ivory""".split()
    ),
    "vehicle": tuple(
        """car bus truck bicycle motorcycle train tram scooter van taxi ambulance
        tractor helicopter airplane boat ship ferry submarine canoe yacht jeep minivan limousine
        skateboard sled""".split()
    ),
    "profession": tuple(
        """doctor nurse teacher lawyer farmer baker chef pilot engineer plumber
        carpenter dentist painter writer singer actor judge soldier banker architect electrician
        mechanic tailor butcher librarian""".split()
    ),
}

PALINDROMES: tuple[str, ...] = tuple(
    """
level radar civic kayak refer rotor madam racecar noon deed peep stats tenet solos redder reviver
sagas minim wow pop mom dad eye gig bob nun pup tot sees
""".split()
)

# Parts of programming identifiers (for naming-convention tasks).
IDENTIFIER_WORDS: tuple[str, ...] = tuple(
    """
user name id count max min total file path item list index page size time date start end value key
type status order price email phone city code data cache query result error message retry limit
offset token session account amount level score rate group role event config buffer node parent
child first last open close read write input output default
""".split()
)

FILE_EXTENSIONS: tuple[str, ...] = tuple(
    "pdf txt csv json png jpg gif doc docx xlsx py md html zip mp3 mp4 wav xml yaml".split()
)
DOMAIN_WORDS: tuple[str, ...] = tuple(
    """
example mail inbox acme globex initech contoso northwind skyline bluebird riverside sunrise
fastmail postbox orbit nimbus
""".split()
)
TOP_LEVEL_DOMAINS: tuple[str, ...] = ("com", "org", "net", "io", "co.uk", "de", "fr", "edu")

# Short English words used to build filler sentences with a clear structure.
SUBJECT_WORDS: tuple[str, ...] = ("we", "they", "she", "he", "i", "you", "my friend", "our team")
