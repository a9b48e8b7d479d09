"""Everyday and knowledge domains: science, sports, cooking, travel, productivity, news, academic
writing, social media, entertainment, environment, logistics, cars."""

from __future__ import annotations

from workers.synthetic_data.base import Domain, pairs

# --- science -------------------------------------------------------------------------------------
science = Domain(
    "science",
    keywords=(
        "science",
        "scientific",
        "physics",
        "chemistry",
        "chemical",
        "biology",
        "experiment",
        "hypothesis",
        "molecule",
        "cell",
        "energy",
        "species",
        "astronomy",
        "climate",
        "element",
        "reaction",
        "equation",
        "organisms",
        "animals",
        "plants",
        "compounds",
        "evolution",
        "genetics",
        "photosynthesis",
        "solution",
        "wave",
        "circuit",
        "variables",
        "mechanics",
        "ecology",
        "thermodynamics",
        "optics",
        "electricity",
        "earth science",
        "half-life",
        "molar",
        "pH",
        "force",
        "DNA",
        "enzymes",
        "black holes",
        "tectonics",
        "vaccines",
        "greenhouse",
        "osmosis",
        "periodic table",
        "Newton",
        "entropy",
        "Doppler",
        "batteries",
        "nitrogen",
        "Big Bang",
        "immune",
        "semiconductors",
        "carbon",
        "tides",
        "water cycle",
        "natural selection",
        "relativity",
        "quantum",
        "radioactive",
        "induction",
        "boiling point",
        "pendulum",
        "caffeine",
        "microorganisms",
        "fungi",
    )
    + (
        "power",
        "voltage",
        "half-lives",
        "sources of error",
        "lab reports",
    ),
    contexts=(
        "for a science tutoring app",
        "for a school science department",
        "for a science education website",
    ),
    personas=(
        "a science teacher",
        "a lab technician",
        "a PhD student",
        "a science journalist",
        "a curious parent",
    ),
)
science.task(
    "explain",
    "explain {concept} to {audience}",
    {
        "concept": [
            "photosynthesis",
            "natural selection",
            "the water cycle",
            "plate tectonics",
            "how vaccines train the immune system",
            "the greenhouse effect",
            "black holes",
            "quantum entanglement",
            "DNA replication",
            "the theory of relativity",
            "osmosis",
            "how the periodic table is organised",
            "chemical bonding",
            "Newton's laws of motion",
            "electromagnetic induction",
            "entropy",
            "radioactive decay",
            "the Doppler effect",
            "how batteries store energy",
            "cell division",
            "the nitrogen cycle",
            "the Big Bang",
            "how enzymes work",
            "acid-base reactions",
            "ocean tides",
            "the carbon cycle",
            "how semiconductors work",
            "evolution by natural selection in bacteria",
        ],
        "audience": [
            "a ten-year-old",
            "a high school student",
            "a first-year undergraduate",
            "someone with no science background",
        ],
    },
)
science.task(
    "calc",
    "balance {what}",
    {"what": ["chemical equations", "redox reactions", "nuclear equations"]},
    details=["Show the number of atoms of each element on both sides."],
)
science.task(
    "calc",
    "calculate {what}",
    {
        "what": [
            "molar mass from a chemical formula",
            "the concentration of a solution",
            "kinetic energy from mass and velocity",
            "the wavelength of light from its frequency",
            "the remaining mass after several half-lives",
            "the pH of a solution",
            "the gravitational force between two masses",
            "the speed of a wave",
            "the resistance in a circuit with Ohm's law",
            "electrical power from voltage and current",
        ]
    },
    details=["State the units in the answer.", "Write the formula before using it."],
)
science.task(
    "extract",
    "identify {what} in {source}",
    {
        "what": [
            "the independent and dependent variables",
            "the control variables",
            "the hypothesis",
            "possible sources of error",
        ],
        "source": ["experiment descriptions", "lab reports", "science fair projects"],
    },
)
science.task(
    "write",
    "write a testable hypothesis for {experiment}",
    {
        "experiment": [
            "an experiment on plant growth and light",
            "the effect of temperature on enzyme activity",
            "how salt affects the boiling point of water",
            "pendulum length and period",
            "caffeine and reaction time",
            "the effect of fertiliser on algae growth",
        ]
    },
)
science.task(
    "plan",
    "design a simple experiment to test {question}",
    {
        "question": [
            "whether plants grow faster with more light",
            "how temperature affects the dissolving of sugar",
            "which materials insulate heat best",
            "whether ramp height changes a ball's speed",
            "how exercise affects heart rate",
        ]
    },
)
science.task(
    "classify",
    "classify {organisms} by {criterion}",
    {
        "organisms criterion": [
            ("animals", "vertebrate or invertebrate"),
            ("animals", "diet: herbivore, carnivore or omnivore"),
            ("animals", "class, such as mammal, bird, reptile, amphibian or fish"),
            ("plants", "flowering or non-flowering"),
            ("organisms", "kingdom"),
            ("microorganisms", "bacteria, viruses, fungi or protists"),
        ]
    },
)
science.task(
    "answer",
    "answer {qtype} questions about {topic}",
    {
        "qtype": ["multiple-choice", "short-answer", "true/false"],
        "topic": [
            "basic chemistry",
            "cell biology",
            "classical mechanics",
            "astronomy",
            "earth science",
            "genetics",
            "ecology",
            "thermodynamics",
            "optics",
            "electricity",
        ],
    },
)
science.tasks(
    "answer",
    [
        "name chemical compounds from their formulas",
        "write chemical formulas from compound names",
        "predict the products of simple chemical reactions",
        "identify the element from its atomic number",
    ],
)

# --- sports --------------------------------------------------------------------------------------
sports = Domain(
    "sports",
    keywords=(
        "sport",
        "sports",
        "match",
        "game",
        "team",
        "player",
        "score",
        "league",
        "football",
        "basketball",
        "tennis",
        "cricket",
        "baseball",
        "rugby",
        "hockey",
        "Formula 1",
        "cycling",
        "golf",
        "volleyball",
        "athletics",
        "race",
        "stage",
        "round",
        "meet",
        "training",
        "marathon",
        "triathlon",
        "5K",
        "strength",
        "fitness",
        "commentary",
        "coach",
        "box scores",
        "scouting",
        "transfer",
        "pace",
        "passer",
        "serve",
        "points",
        "sportive",
        "swimming",
        "running",
        "athletes",
    )
    + ("handball",),
    contexts=("for a sports website", "for a sports club", "for a sports app"),
    personas=(
        "a sports journalist",
        "a fantasy league player",
        "an amateur coach",
        "a club secretary",
        "a sports data analyst",
        "a lifelong fan",
    ),
)
EVENTS = [
    ("football", "match"),
    ("basketball", "game"),
    ("tennis", "match"),
    ("cricket", "match"),
    ("baseball", "game"),
    ("rugby", "match"),
    ("ice hockey", "game"),
    ("American football", "game"),
    ("Formula 1", "race"),
    ("cycling", "stage"),
    ("golf", "round"),
    ("volleyball", "match"),
    ("athletics", "meet"),
    ("handball", "match"),
]
sports.task(
    "summarise",
    "summarise {sport} {event} reports in {length}",
    {"sport event": EVENTS, "length": ["one sentence", "three bullet points", "under 60 words"]},
)
sports.task(
    "extract",
    "extract {result} from {sport} {event} reports",
    {
        "result sport event": [
            ("the final score and the goalscorers", "football", "match"),
            ("the final score and the top scorers", "basketball", "game"),
            ("the set scores and the winner", "tennis", "match"),
            ("the innings totals and the result", "cricket", "match"),
            ("the final score and the winning pitcher", "baseball", "game"),
            ("the final score and the try scorers", "rugby", "match"),
            ("the final score and the goal scorers", "ice hockey", "game"),
            ("the final score and the touchdown scorers", "American football", "game"),
            ("the finishing order and the fastest lap", "Formula 1", "race"),
            ("the stage winner and the overall leader", "cycling", "stage"),
            ("the leaderboard positions", "golf", "round"),
            ("the set scores", "volleyball", "match"),
            ("the event winners and their marks", "athletics", "meet"),
        ]
    },
)
sports.task(
    "write",
    "write live commentary for {sport} {event}s from play-by-play data",
    {"sport event": EVENTS},
)
sports.task(
    "write",
    "write a preview of an upcoming {sport} {event} from recent results",
    {"sport event": EVENTS},
)
sports.task(
    "explain",
    "explain the rules of {sport} to {audience}",
    {
        "sport": [s for s, _ in EVENTS],
        "audience": ["a complete beginner", "a child", "a fan of another sport"],
    },
)
sports.task(
    "calc",
    "calculate {stat}",
    {
        "stat": [
            "batting averages from baseball statistics",
            "points per game for basketball players",
            "win percentages for a sports team",
            "a tennis player's first-serve percentage",
            "a quarterback's passer rating",
            "cricket strike rates and economy rates",
            "goal difference and league points for a football table",
            "Formula 1 championship points from race results",
            "golf scores relative to par",
            "running pace per kilometre from finishing times",
        ]
    },
)
sports.task(
    "plan",
    "write a training plan for {goal}",
    {
        "goal": [
            "a first 5K run",
            "a half marathon in twelve weeks",
            "a beginner strength programme",
            "football pre-season fitness",
            "a sprint triathlon",
            "a 100 km cycling sportive",
            "building swimming endurance",
            "a tennis player's off-season",
        ]
    },
)
sports.task(
    "format",
    "turn {sport} box scores into a table of player statistics",
    {"sport": ["basketball", "baseball", "ice hockey", "American football", "cricket"]},
)
sports.task(
    "write",
    "write a scouting report on a {sport} player from match statistics",
    {
        "sport": [
            "football",
            "basketball",
            "rugby",
            "ice hockey",
            "volleyball",
            "baseball",
            "cricket",
        ]
    },
)
sports.task(
    "classify",
    "classify {sport} news by {criterion}",
    {
        "sport": ["football", "basketball", "tennis", "cricket", "Formula 1"],
        "criterion": ["type: transfer, injury, result or opinion", "the team it concerns"],
    },
)

# --- cooking -------------------------------------------------------------------------------------
cooking = Domain(
    "cooking",
    keywords=(
        "recipe",
        "cooking",
        "ingredient",
        "dish",
        "meal",
        "kitchen",
        "bake",
        "baking",
        "food",
        "cook",
        "menu",
        "cuisine",
        "oven",
        "servings",
        "serving",
        "flavour",
        "vegan",
        "gluten-free",
        "dairy-free",
        "nutrition",
        "shopping list",
        "chef",
        "wine",
        "calories",
        "leftovers",
        "poultry",
        "meat",
        "rice",
        "cookies",
        "pancakes",
        "sauces",
        "soups",
        "scones",
        "gravy",
        "meatballs",
    )
    + (
        "lasagne",
        "banana bread",
        "curry",
        "stew",
        "stir-fry",
        "risotto",
        "chili",
        "pie",
        "falafel",
        "pad thai",
        "macaroni",
        "sourdough",
        "soup",
        "paella",
        "cake",
        "ramen",
        "tacos",
        "brownies",
        "quiche",
        "guacamole",
        "pizza",
        "butter chicken",
        "minestrone",
        "tart",
        "French toast",
        "moussaka",
        "dumplings",
        "gas marks",
        "butter",
    ),
    contexts=(
        "for a cooking app",
        "for a food blog",
        "for a recipe website",
        "for a kitchen assistant",
    ),
    personas=(
        "a home cook",
        "a food blogger",
        "a restaurant chef",
        "a nutritionist",
        "a busy parent",
        "a student cooking on a budget",
    ),
)
DISHES = [
    "lasagne",
    "banana bread",
    "chicken curry",
    "pancakes",
    "beef stew",
    "vegetable stir-fry",
    "chocolate chip cookies",
    "mushroom risotto",
    "chili con carne",
    "apple pie",
    "falafel",
    "pad thai",
    "shepherd's pie",
    "macaroni cheese",
    "sourdough bread",
    "tomato soup",
    "seafood paella",
    "carrot cake",
    "ramen",
    "fish tacos",
    "brownies",
    "quiche",
    "guacamole",
    "pizza dough",
    "butter chicken",
    "minestrone",
    "lemon tart",
    "French toast",
    "moussaka",
    "pork dumplings",
]
cooking.task(
    "calc",
    "scale a {dish} recipe to {n} servings",
    {"dish": DISHES, "n": ["two", "six", "twelve"]},
    details=["Round quantities to practical kitchen measures."],
)
cooking.task(
    "rewrite",
    "adapt a {dish} recipe to be {diet}",
    {
        "dish diet": pairs(
            {
                "lasagne": ["vegetarian", "gluten-free", "dairy-free"],
                "banana bread": ["vegan", "gluten-free"],
                "chicken curry": ["vegetarian", "dairy-free"],
                "pancakes": ["vegan", "gluten-free"],
                "beef stew": ["vegetarian", "low-sodium"],
                "chocolate chip cookies": ["vegan", "nut-free", "gluten-free"],
                "mushroom risotto": ["vegan", "dairy-free"],
                "chili con carne": ["vegetarian", "low-fat"],
                "apple pie": ["vegan", "lower in sugar"],
                "shepherd's pie": ["vegetarian", "dairy-free"],
                "macaroni cheese": ["gluten-free", "vegan"],
                "carrot cake": ["vegan", "nut-free", "gluten-free"],
                "brownies": ["vegan", "gluten-free", "lower in sugar"],
                "quiche": ["dairy-free", "gluten-free"],
                "butter chicken": ["dairy-free", "vegetarian"],
                "French toast": ["vegan", "dairy-free"],
                "moussaka": ["vegetarian", "gluten-free"],
                "pork dumplings": ["vegetarian"],
                "pad thai": ["vegan", "nut-free"],
                "seafood paella": ["vegetarian", "shellfish-free"],
            }
        )
    },
    details=[
        "Explain each substitution.",
        "Keep the quantities for unchanged ingredients.",
        "Say how the taste or texture will change.",
    ],
    generic=False,
)
cooking.task(
    "extract",
    "extract the ingredient list with quantities from {source}",
    {
        "source": [
            "recipe blog posts",
            "cooking video transcripts",
            "transcribed handwritten recipe cards",
            "cookbook pages",
            "recipe web pages",
        ]
    },
)
cooking.task(
    "plan",
    "build a shopping list from {source}",
    {
        "source": [
            "a week of recipes",
            "a meal plan",
            "a party menu for twenty guests",
            "a camping trip menu",
        ]
    },
    details=["Group the items by supermarket aisle."],
)
cooking.task(
    "classify",
    "classify recipes by {criterion}",
    {
        "criterion": [
            "cuisine",
            "course: starter, main or dessert",
            "difficulty level",
            "dietary category",
            "cooking method",
            "total preparation time",
        ]
    },
)
cooking.task(
    "answer",
    "suggest substitutes for {ingredient}",
    {
        "ingredient": [
            "eggs in baking",
            "butter in cookies",
            "buttermilk in pancakes",
            "wine in sauces",
            "heavy cream in soups",
            "fish sauce in Thai dishes",
            "breadcrumbs in meatballs",
            "sugar in cakes",
            "cornflour in gravy",
            "self-raising flour in scones",
        ]
    },
)
cooking.task(
    "rewrite",
    "rewrite {source} as numbered step-by-step cooking instructions",
    {
        "source": [
            "recipe paragraphs",
            "cooking video transcripts",
            "family recipe notes",
            "a chef's shorthand prep list",
        ]
    },
)
cooking.task(
    "calc",
    "convert recipe measurements from {a} to {b}",
    {
        "a b": [
            ("cups", "grams"),
            ("tablespoons", "millilitres"),
            ("ounces", "grams"),
            ("Fahrenheit oven temperatures", "Celsius"),
            ("gas marks", "Celsius"),
            ("sticks of butter", "grams"),
            ("US customary units", "metric units"),
        ]
    },
)
cooking.task(
    "plan",
    "create a weekly meal plan for {who}",
    {
        "who": [
            "a family of four on a budget",
            "a vegetarian athlete",
            "someone managing type 2 diabetes",
            "a student with a tiny kitchen",
            "a couple who batch-cook on Sundays",
            "a toddler",
        ]
    },
)
cooking.task("write", "write an appetising menu description for {dish}", {"dish": DISHES})
cooking.task(
    "answer",
    "suggest a wine pairing for {dish}",
    {
        "dish": [
            "lasagne",
            "chicken curry",
            "beef stew",
            "mushroom risotto",
            "chili con carne",
            "seafood paella",
            "fish tacos",
            "quiche",
            "butter chicken",
            "moussaka",
            "pad thai",
            "shepherd's pie",
        ]
    },
)
cooking.task(
    "calc", "estimate the calories per serving of {dish} from its ingredients", {"dish": DISHES}
)
cooking.task(
    "answer",
    "answer food safety questions about {topic}",
    {
        "topic": [
            "storing leftovers",
            "thawing meat",
            "safe cooking temperatures for poultry",
            "the shelf life of opened jars",
            "reheating rice",
        ]
    },
)

# --- travel --------------------------------------------------------------------------------------
travel = Domain(
    "travel",
    keywords=(
        "travel",
        "trip",
        "itinerary",
        "flight",
        "hotel",
        "booking",
        "destination",
        "tourist",
        "visa",
        "luggage",
        "packing",
        "airport",
        "journey",
        "holiday",
        "sightseeing",
        "city",
        "passenger",
        "reservation",
        "traveller",
        "route",
        "airline",
        "car rental",
        "train",
        "cruise",
        "camping",
        "walking tour",
        "guide",
        "layover",
        "road trip",
        "reviews",
        "phrases",
    )
    + (
        "hidden gems",
        "arrival times",
        "time zones",
        "e-tickets",
        "baggage",
    ),
    contexts=("for a travel agency", "for a travel app", "for a corporate travel desk"),
    personas=(
        "a travel agent",
        "a backpacker",
        "a business traveller",
        "a travel blogger",
        "a parent planning a family holiday",
    ),
)
CITIES = [
    "Paris",
    "Tokyo",
    "New York",
    "Rome",
    "Barcelona",
    "Lisbon",
    "Istanbul",
    "Bangkok",
    "Kyoto",
    "Mexico City",
    "Cape Town",
    "Buenos Aires",
    "Reykjavik",
    "Prague",
    "Vienna",
    "Marrakech",
    "Seoul",
    "Sydney",
    "Vancouver",
    "Edinburgh",
    "Amsterdam",
    "Singapore",
    "Hanoi",
    "Dubrovnik",
    "Berlin",
    "Copenhagen",
    "Rio de Janeiro",
    "Lima",
    "Athens",
    "Budapest",
]
travel.task(
    "plan",
    "plan a {n}-day itinerary in {city} for {traveller}",
    {
        "n": ["two", "three", "five"],
        "city": CITIES,
        "traveller": [
            "a solo backpacker",
            "a family with young children",
            "a couple on honeymoon",
            "students on a budget",
            "a food lover",
            "a history enthusiast",
            "a wheelchair user",
        ],
    },
    details=[
        "Organise it by day, with morning, afternoon and evening.",
        "Keep travel between sights short.",
    ],
)
travel.task(
    "extract",
    "extract {field} from {doc}",
    {
        "field doc": [
            ("flight numbers", "flight confirmation emails"),
            ("departure and arrival times", "flight confirmation emails"),
            ("the booking reference", "flight confirmation emails"),
            ("the baggage allowance", "e-tickets"),
            ("passenger names", "e-tickets"),
            ("check-in and check-out dates", "hotel booking confirmations"),
            ("the cancellation deadline", "hotel booking confirmations"),
            ("the room type", "hotel booking confirmations"),
            ("the pick-up location and time", "car rental confirmations"),
            ("the fuel policy", "car rental confirmations"),
            ("seat numbers", "train tickets"),
            ("the departure station", "train tickets"),
        ]
    },
    details=["Return the result as JSON."],
)
travel.task(
    "plan",
    "write a packing list for {trip}",
    {
        "trip": [
            "a week-long beach holiday",
            "a winter ski trip",
            "a business trip to London",
            "a camping weekend",
            "a hiking trip in the Alps",
            "backpacking through Southeast Asia",
            "a cruise",
            "a music festival",
            "an autumn city break",
            "a safari",
        ]
    },
)
travel.task(
    "classify",
    "classify {reviews} by the aspect they discuss",
    {
        "reviews": [
            "hotel reviews",
            "airline reviews",
            "holiday rental reviews",
            "tour reviews",
            "train journey reviews",
        ]
    },
    details=["Use aspects such as cleanliness, location, staff and value for money."],
)
travel.task(
    "translate",
    "translate common {phrases} into {language} for travellers",
    {
        "phrases": [
            "phrases for ordering food",
            "questions about directions",
            "emergency phrases",
            "hotel check-in phrases",
        ],
        "language": [
            "French",
            "Spanish",
            "Italian",
            "German",
            "Japanese",
            "Portuguese",
            "Thai",
            "Greek",
            "Turkish",
            "Korean",
        ],
    },
)
travel.task(
    "answer",
    "answer traveller questions about {topic} using {source}",
    {
        "topic source": [
            ("baggage rules", "an airline's policy page"),
            ("check-in times", "a hotel's FAQ"),
            ("visa requirements", "an embassy web page"),
            ("refund rules", "a booking site's terms"),
            ("what is covered", "a travel insurance document"),
        ]
    },
)
travel.task(
    "write",
    "write {piece} about {city}",
    {
        "piece": [
            "a short travel guide introduction",
            "a self-guided walking tour script",
            "a list of hidden gems",
        ],
        "city": CITIES,
    },
)
travel.task(
    "calc",
    "calculate {what}",
    {
        "what": [
            "total trip costs split between travellers",
            "arrival times across time zones",
            "layover durations from flight schedules",
            "fuel costs for a road trip",
        ]
    },
)

# --- productivity --------------------------------------------------------------------------------
productivity = Domain(
    "email and productivity",
    keywords=(
        "email",
        "meeting",
        "calendar",
        "task",
        "agenda",
        "notes",
        "schedule",
        "inbox",
        "deadline",
        "reminder",
        "to-do",
        "minutes",
        "project",
        "report",
        "memo",
        "team",
        "reply",
        "follow-up",
        "action items",
        "status",
        "invitation",
        "outline",
        "checklist",
        "priorit",
    ),
    contexts=(
        "for a busy manager",
        "for an executive assistant",
        "for a remote team",
        "for a freelancer",
        "for a project office",
    ),
    personas=(
        "an executive assistant",
        "a project manager",
        "a freelancer",
        "a team lead",
        "an office manager",
    ),
)
productivity.task(
    "write",
    "draft a reply to {email} that {does}",
    {
        "email does": pairs(
            {
                "a meeting invitation": [
                    "accepts it",
                    "politely declines it",
                    "proposes another time",
                ],
                "a request for a quote": [
                    "asks for more details",
                    "gives a price range",
                    "politely declines",
                ],
                "a colleague's question about a deadline": [
                    "gives a status update",
                    "asks for an extension",
                ],
                "a job interview invitation": ["accepts it", "asks to reschedule"],
                "a networking request": ["accepts it", "politely declines it"],
                "a customer's feature request": ["thanks them and explains the next steps"],
            }
        )
    },
)
productivity.task(
    "extract",
    "extract action items with owners and due dates from {source}",
    {
        "source": [
            "meeting notes",
            "meeting transcripts",
            "email threads",
            "project status updates",
            "team chat conversations",
        ]
    },
)
productivity.task(
    "classify",
    "classify incoming emails as {labels}",
    {
        "labels": [
            "urgent, needs a reply or FYI",
            "work or personal",
            "newsletter, receipt, personal or work",
            "important or not important",
        ]
    },
)
productivity.task(
    "write",
    "turn {source} into {target}",
    {
        "source target": [
            ("meeting notes", "a follow-up email"),
            ("a brainstorm transcript", "an organised outline"),
            ("a voice memo transcript", "a to-do list"),
            ("a project brief", "a task checklist"),
            ("rough notes", "a weekly status report"),
            ("an email thread", "a decision memo"),
        ]
    },
)
productivity.task(
    "plan",
    "write a meeting agenda for {meeting}",
    {
        "meeting": [
            "a project kickoff",
            "a weekly team sync",
            "a quarterly planning session",
            "a client onboarding call",
            "a sprint retrospective",
            "a board meeting",
        ]
    },
    details=["Give each item a time allocation."],
)
productivity.task(
    "extract",
    "extract dates and events from {source} into calendar entries",
    {"source": ["emails", "school newsletters", "event flyers", "conference programmes"]},
)
productivity.task(
    "write",
    "write a polite follow-up email to {who}",
    {
        "who": [
            "a client who has not paid",
            "a recruiter after an interview",
            "a colleague who missed a deadline",
            "a supplier about a late delivery",
            "a professor about a grade",
        ]
    },
)
productivity.task(
    "plan",
    "prioritise {what} using {method}",
    {
        "what": ["a to-do list", "a project backlog", "a list of weekly tasks"],
        "method": ["the Eisenhower matrix", "impact and effort", "deadlines and dependencies"],
    },
)

# --- news ----------------------------------------------------------------------------------------
news = Domain(
    "news",
    keywords=(
        "news",
        "article",
        "headline",
        "journalist",
        "report",
        "story",
        "press",
        "media",
        "editorial",
        "quote",
        "source",
        "fact-check",
        "speech",
        "bias",
        "framing",
        "sensationalism",
        "wire",
        "breaking",
        "digest",
        "caption",
        "brief",
        "AP style",
    )
    + ("opinion columns",),
    contexts=("for a newsroom", "for a news organisation", "for a media monitoring service"),
    personas=(
        "a journalist",
        "a news editor",
        "a fact-checker",
        "a media analyst",
        "a communications officer",
    ),
)
news.task(
    "classify",
    "detect {bias} in {source}",
    {
        "bias": ["political bias", "loaded language", "one-sided framing", "sensationalism"],
        "source": ["news articles", "opinion columns", "news headlines"],
    },
    details=["Quote the words that show it."],
)
news.task(
    "extract",
    "extract {what} from {source}",
    {
        "what source": [
            ("claims that can be fact-checked", "political speeches"),
            ("quotes and who said them", "news articles"),
            ("who, what, when, where and why", "news reports"),
            ("the timeline of events", "investigative articles"),
            ("statistics and their sources", "news articles"),
            ("the main claims", "press conferences' transcripts"),
        ]
    },
)
news.task(
    "write",
    "write {piece} from {source}",
    {
        "piece source": [
            ("a news story", "a press release"),
            ("a short news brief", "a police statement"),
            ("a headline and standfirst", "a news article"),
            ("a breaking news alert", "a wire report"),
            ("a photo caption", "a description of a news photo"),
            ("a news story", "a court judgment"),
        ]
    },
)
news.task(
    "classify",
    "classify {source} as news, opinion, analysis or sponsored content",
    {"source": ["online articles", "newsletter items", "blog posts"]},
)
news.task(
    "rewrite",
    "rewrite {source} in a neutral news style",
    {"source": ["press releases", "opinion columns", "partisan blog posts"]},
)
news.task(
    "summarise",
    "write a daily news digest from {source}",
    {"source": ["a set of news articles", "RSS headlines", "several newsletters"]},
)

# --- academic writing ----------------------------------------------------------------------------
academic = Domain(
    "academic writing",
    keywords=(
        "paper",
        "research",
        "academic",
        "citation",
        "abstract",
        "thesis",
        "essay",
        "journal",
        "study",
        "literature",
        "reference",
        "bibliography",
        "dissertation",
        "manuscript",
        "peer review",
        "APA",
        "MLA",
        "Chicago",
        "Harvard",
        "IEEE",
        "Vancouver",
        "conference",
        "grant",
        "findings",
    )
    + (
        "systematic reviews",
        "theses",
    ),
    contexts=("for a graduate student", "for a university writing centre", "for a research team"),
    personas=(
        "a PhD student",
        "a university librarian",
        "a research assistant",
        "a journal editor",
        "an undergraduate writing a dissertation",
    ),
)
academic.task(
    "format",
    "format {source} as {style} citations",
    {
        "source": [
            "journal articles",
            "books",
            "websites",
            "conference papers",
            "YouTube videos",
            "newspaper articles",
            "theses",
        ],
        "style": ["APA", "MLA", "Chicago", "Harvard", "IEEE", "Vancouver"],
    },
)
academic.task(
    "write",
    "write an abstract for {source}",
    {
        "source": [
            "a research paper from its introduction and conclusion",
            "a thesis chapter",
            "a conference paper",
            "a grant proposal",
        ]
    },
    details=["Keep it under 250 words."],
)
academic.task(
    "extract",
    "extract {what} from {source}",
    {
        "what": [
            "the research questions",
            "the methods",
            "the sample size",
            "the main findings",
            "the limitations",
            "the datasets used",
        ],
        "source": ["research papers", "theses", "conference papers", "systematic reviews"],
    },
)
academic.task(
    "rewrite",
    "improve the academic tone of {source}",
    {"source": ["essay drafts", "thesis paragraphs", "lab reports", "literature review sections"]},
)
academic.task(
    "write",
    "write a literature review paragraph from {source}",
    {"source": ["a set of paper abstracts", "annotated reading notes", "a list of key findings"]},
)
academic.task(
    "review",
    "write peer review comments on {source}",
    {
        "source": [
            "journal manuscripts",
            "conference submissions",
            "grant proposals",
            "thesis drafts",
        ]
    },
)
academic.task(
    "classify",
    "classify {source} by {criterion}",
    {
        "source criterion": [
            ("research abstracts", "study design"),
            ("papers", "relevance to a given research question"),
            ("citations", "whether they support or contradict a claim"),
        ]
    },
)
academic.task(
    "write",
    "suggest research questions about {topic}",
    {
        "topic": [
            "urban heat islands",
            "remote work and productivity",
            "microplastics in rivers",
            "social media and teenage sleep",
            "AI in radiology",
            "language-learning apps",
            "four-day working weeks",
            "electric vehicle adoption",
            "misinformation during elections",
            "green roofs",
            "school meals and attainment",
            "loneliness in older adults",
        ]
    },
)

# --- social media --------------------------------------------------------------------------------
social = Domain(
    "social media",
    keywords=(
        "social media",
        "post",
        "posts",
        "tweet",
        "hashtag",
        "Instagram",
        "TikTok",
        "LinkedIn",
        "caption",
        "comment",
        "thread",
        "Facebook",
        "YouTube",
        "Reddit",
        "X",
        "followers",
        "account",
        "video",
    ),
    contexts=("for a social media team", "for a small brand", "for a nonprofit"),
    personas=(
        "a social media manager",
        "a content creator",
        "a community manager",
        "an influencer",
        "a small brand owner",
    ),
)
social.task(
    "write",
    "suggest hashtags for {posts}",
    {
        "posts": [
            "travel photos",
            "fitness posts",
            "food photos",
            "job announcements",
            "product launches",
            "charity events",
            "art portfolio posts",
            "pet photos",
        ]
    },
)
social.task(
    "rewrite",
    "rewrite {source} as {target}",
    {
        "source": ["product announcements", "blog posts", "press releases", "event invitations"],
        "target": [
            "a LinkedIn post",
            "a post for X",
            "an Instagram caption",
            "a Facebook post",
            "a short TikTok script",
        ],
    },
)
social.task(
    "write",
    "turn {source} into a thread of short posts",
    {"source": ["blog posts", "research papers", "long articles", "conference talks"]},
)
social.task(
    "classify",
    "classify {posts} by {criterion}",
    {
        "posts": [
            "tweets",
            "Instagram comments",
            "Reddit posts",
            "TikTok comments",
            "YouTube comments",
        ],
        "criterion": [
            "topic",
            "sentiment toward the brand",
            "whether they need a reply",
            "whether they mention a competitor",
        ],
    },
)
social.task(
    "write",
    "write replies to {comments}",
    {
        "comments": [
            "negative reviews on Facebook",
            "questions under Instagram posts",
            "complaints on X",
            "positive comments on YouTube videos",
        ]
    },
)
social.task(
    "write",
    "write a YouTube video description from {source}",
    {"source": ["a video transcript", "a video script", "a list of chapter timestamps"]},
)
social.task(
    "write",
    "write {n} post ideas for {account}",
    {
        "n": ["five", "ten"],
        "account": [
            "a bakery's Instagram account",
            "a software company's LinkedIn page",
            "a fitness coach's TikTok",
            "a museum's social media",
            "a local council's Facebook page",
        ],
    },
)
social.task(
    "classify",
    "detect {what} in {posts}",
    {
        "what": ["giveaway scams", "misleading health claims", "undisclosed advertising"],
        "posts": ["Instagram posts", "TikTok captions", "Facebook posts"],
    },
)

# --- entertainment -------------------------------------------------------------------------------
entertainment = Domain(
    "entertainment and games",
    keywords=(
        "game",
        "player",
        "film",
        "music",
        "song",
        "book",
        "TV",
        "episode",
        "character",
        "story",
        "album",
        "playlist",
        "novel",
        "plot",
        "lyrics",
        "series",
        "podcast",
        "trivia",
        "quiz",
        "fantasy",
        "role-playing",
        "dialogue",
        "credits",
        "spoiler",
        "dungeon",
        "sci-fi",
        "detective",
        "riddles",
        "puzzles",
        "crossword",
        "chapters",
    ),
    contexts=("for an entertainment app", "for a hobby project"),
    personas=("a game designer", "a quiz host", "a hobbyist", "an entertainment writer"),
)
entertainment.task(
    "answer",
    "recommend {media} similar to a given one",
    {"media": ["books", "films", "TV series", "podcasts", "albums", "video games", "board games"]},
    details=["Give three recommendations with one reason each."],
)
entertainment.task(
    "summarise",
    "write spoiler-free summaries of {what}",
    {"what": ["films", "TV episodes", "novels", "video games", "podcast series"]},
)
entertainment.task(
    "extract",
    "extract {what} from {source}",
    {
        "what source": [
            ("the cast and crew", "film credits text"),
            ("the characters and their relationships", "novel chapters"),
            ("the track list and running times", "album liner notes"),
            ("the quest objectives", "game design documents"),
        ]
    },
)
entertainment.task(
    "write",
    "write {piece} for a {genre} game",
    {
        "piece": [
            "item descriptions",
            "dialogue for non-player characters",
            "quest descriptions",
            "loading-screen tips",
        ],
        "genre": ["fantasy role-playing", "sci-fi", "post-apocalyptic", "detective", "pirate"],
    },
)
entertainment.task(
    "classify",
    "classify {what} by {criterion}",
    {
        "what criterion": [
            ("song lyrics", "mood"),
            ("film plot descriptions", "likely age rating"),
            ("video game store descriptions", "genre"),
            ("books", "reading age"),
            ("podcast episodes", "topic"),
        ]
    },
)
entertainment.task(
    "write",
    "generate trivia questions about {topic}",
    {
        "topic": [
            "world capitals",
            "Olympic history",
            "famous paintings",
            "space exploration",
            "the human body",
            "ancient Rome",
            "1990s pop music",
            "classic films",
            "world cuisine",
            "dinosaurs",
            "famous inventions",
            "mountains and rivers",
        ]
    },
    details=["Include the answers.", "Mix easy and hard questions."],
)
entertainment.tasks(
    "answer",
    [
        "solve anagram puzzles",
        "solve cryptic crossword clues and explain the wordplay",
        "answer riddles and explain the answer",
        "solve logic grid puzzles from their clues",
        "invent new riddles on a given theme",
    ],
)

# --- environment and weather ---------------------------------------------------------------------
environment = Domain(
    "environment and weather",
    keywords=(
        "environmental",
        "climate",
        "emissions",
        "carbon",
        "energy",
        "sustainability",
        "recycling",
        "recyclable",
        "waste",
        "pollution",
        "weather",
        "forecast",
        "renewable",
        "ESG",
        "footprint",
        "LED",
        "water",
        "air quality",
    )
    + (
        "solar",
        "pollen",
        "hay fever",
    ),
    contexts=("for a sustainability team", "for an environmental charity", "for a climate office"),
    personas=(
        "a sustainability officer",
        "a meteorologist",
        "an environmental consultant",
        "a climate researcher",
        "an eco-conscious homeowner",
    ),
)
environment.task(
    "calc",
    "estimate {what}",
    {
        "what": [
            "the carbon footprint of a trip from its distance and mode of transport",
            "household energy use from appliance ratings",
            "emissions savings from switching to LED lighting",
            "water use from a household's daily habits",
            "the payback time of rooftop solar panels",
        ]
    },
)
environment.task(
    "classify",
    "classify {what}",
    {
        "what": [
            "waste items as recyclable, compostable or landfill",
            "companies' sustainability claims as specific or vague",
            "air quality readings into health advice levels",
            "news stories about climate by topic",
        ]
    },
)
environment.task(
    "write",
    "turn {source} into {target}",
    {
        "source target": [
            ("raw weather forecast data", "a plain-language forecast"),
            ("severe weather alerts", "short SMS warnings"),
            ("hourly forecast tables", "a one-paragraph summary"),
            ("pollen count data", "advice for hay fever sufferers"),
        ]
    },
)
environment.task(
    "summarise",
    "summarise {doc}",
    {
        "doc": [
            "climate science reports",
            "environmental impact assessments",
            "ESG reports",
            "national emissions inventories",
        ]
    },
)
environment.task(
    "extract",
    "extract emissions figures from {doc}",
    {"doc": ["sustainability reports", "ESG disclosures", "annual reports"]},
)

# --- logistics -----------------------------------------------------------------------------------
logistics = Domain(
    "logistics",
    keywords=(
        "shipment",
        "shipping",
        "delivery",
        "deliveries",
        "package",
        "parcel",
        "order",
        "warehouse",
        "tracking",
        "freight",
        "inventory",
        "supplier",
        "route",
        "stock",
        "customs",
        "purchase orders",
        "bills of lading",
        "reorder",
        "dispatch",
        "packing",
    ),
    contexts=(
        "for a warehouse team",
        "for an online retailer",
        "for a freight forwarder",
        "for a courier company",
    ),
    personas=(
        "a logistics coordinator",
        "a warehouse manager",
        "a supply chain analyst",
        "a dispatcher",
    ),
)
logistics.task(
    "extract",
    "extract {what} from {source}",
    {
        "what source": [
            ("tracking numbers and carriers", "shipping notification emails"),
            ("delivery addresses", "order forms"),
            ("SKUs and quantities", "purchase orders"),
            ("container numbers", "bills of lading"),
            ("pickup windows", "freight quotes"),
            ("reasons for failed delivery", "courier scan logs"),
        ]
    },
)
logistics.task(
    "classify",
    "classify {what} by {criterion}",
    {
        "what criterion": [
            ("delivery exceptions", "cause"),
            ("warehouse incident reports", "type"),
            ("customs item descriptions", "tariff chapter"),
            ("returned parcels", "return reason"),
        ]
    },
)
logistics.task(
    "calc",
    "calculate {what}",
    {
        "what": [
            "reorder points from demand and lead time",
            "shipping costs from weight and dimensions",
            "the dimensional weight of parcels",
            "estimated delivery dates from dispatch dates and transit times",
            "safety stock from demand variability",
        ]
    },
)
logistics.task(
    "write",
    "write {what}",
    {
        "what": [
            "delivery delay notifications for customers",
            "packing instructions for fragile items",
            "a supplier performance summary from delivery data",
        ]
    },
)

# --- cars ----------------------------------------------------------------------------------------
cars = Domain(
    "cars",
    keywords=(
        "car",
        "vehicle",
        "engine",
        "repair",
        "mechanic",
        "tyre",
        "brake",
        "maintenance",
        "driver",
        "dashboard",
        "service",
        "mileage",
        "used car",
        "MOT",
    ),
    contexts=(
        "for a garage",
        "for a car dealership",
        "for a fleet manager",
        "for a car owners' app",
    ),
    personas=("a car owner", "a mechanic", "a fleet manager", "a used car dealer"),
)
cars.tasks(
    "classify",
    [
        "classify descriptions of car problems by likely system: engine, brakes, electrical, transmission or suspension",
        "classify car service requests by urgency",
    ],
)
cars.task(
    "explain",
    "explain {what} to car owners",
    {
        "what": [
            "dashboard warning lights",
            "repair estimates",
            "service schedules",
            "tyre sidewall markings",
            "MOT failure notes",
        ]
    },
)
cars.task(
    "extract",
    "extract {what} from {source}",
    {
        "what source": [
            ("mileage and service dates", "vehicle service records"),
            ("parts and labour costs", "car repair invoices"),
            ("make, model and year", "used car listings"),
        ]
    },
)
cars.task(
    "write",
    "write used car listings from {source}",
    {"source": ["a vehicle's specifications and service history", "a seller's rough notes"]},
)

DOMAINS = [
    science,
    sports,
    cooking,
    travel,
    productivity,
    news,
    academic,
    social,
    entertainment,
    environment,
    logistics,
    cars,
]
