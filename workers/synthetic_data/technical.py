"""Technical tasks: arithmetic, unit conversion, code, software operations, security, data."""

from __future__ import annotations

from workers.synthetic_data.base import Domain

# --- arithmetic and maths ---------------------------------------------------------------------------
maths = Domain(
    "arithmetic",
    keywords=(
        "number",
        "numbers",
        "math",
        "arithmetic",
        "equation",
        "fraction",
        "percentage",
        "sum",
        "calculate",
        "compute",
        "digit",
        "integer",
        "decimal",
        "mean",
        "median",
        "solve",
        "simplify",
        "prime",
        "divisor",
        "multiple",
        "area",
        "volume",
        "perimeter",
        "sequence",
        "expression",
        "round",
        "binary",
        "hexadecimal",
        "Roman",
        "leap year",
        "word problems",
        "percent",
        "factorial",
        "square",
        "exponent",
        "inequalities",
        "proportion",
        "ratio",
    )
    + (
        "tip",
        "tax",
        "growth",
        "hypotenuse",
        "triangle",
        "range",
        "mode",
        "probability",
        "interquartile",
        "deviation",
        "variance",
        "divisible",
        "compound",
        "discount",
        "coin",
        "dice",
    ),
    contexts=(
        "for a homework helper",
        "for a maths tutoring app",
        "for a calculator chatbot",
        "for exam revision",
    ),
    personas=(
        "a maths teacher",
        "a parent helping with homework",
        "a student revising for exams",
        "a tutor",
        "an engineer who needs quick checks",
    ),
)
DIGITS = ["two", "three", "four", "five", "six"]
maths.task(
    "calc",
    "{op} two {n}-digit numbers",
    {"op": ["add", "subtract", "multiply", "compare"], "n": DIGITS},
)
maths.task(
    "calc",
    "divide a {n}-digit number by a one-digit number",
    {"n": DIGITS},
    details=["Give the quotient and the remainder."],
)
maths.task(
    "calc",
    "compute the {stat} of {data}",
    {
        "stat": [
            "mean",
            "median",
            "mode",
            "range",
            "standard deviation",
            "variance",
            "sum",
            "interquartile range",
        ],
        "data": [
            "a list of numbers",
            "a column of exam scores",
            "daily temperature readings",
            "a list of prices",
        ],
    },
)
maths.task(
    "calc",
    "solve {problem}",
    {
        "problem": [
            "linear equations in one variable",
            "quadratic equations",
            "systems of two linear equations",
            "simple inequalities",
            "exponential equations",
            "proportion problems",
            "word problems about ages",
            "word problems about speed and distance",
            "word problems about mixing solutions",
            "word problems about work rates",
            "logarithmic equations",
            "absolute value equations",
        ]
    },
)
maths.task(
    "calc",
    "answer grade-school math word problems about {topic}",
    {
        "topic": [
            "money",
            "time",
            "shopping discounts",
            "sharing a pizza",
            "travel distances",
            "sharing sweets",
            "measuring ingredients",
            "saving pocket money",
            "train timetables",
            "the area of a garden",
            "counting coins",
            "ages of family members",
        ]
    },
)
maths.task(
    "calc",
    "simplify {what}",
    {
        "what": [
            "fractions",
            "algebraic expressions",
            "square roots",
            "ratios",
            "mixed numbers",
            "expressions with exponents",
            "rational expressions",
        ]
    },
)
maths.task(
    "calc",
    "calculate {what}",
    {
        "what": [
            "the percentage change between two numbers",
            "what percentage one number is of another",
            "a percentage discount on a price",
            "a tip on a restaurant bill",
            "sales tax on a purchase",
            "compound growth over several years",
            "the original price before a discount",
        ]
    },
)
maths.task(
    "calc",
    "convert {a} to {b}",
    {
        "a b": [
            ("binary numbers", "decimal"),
            ("decimal numbers", "binary"),
            ("Roman numerals", "Arabic numerals"),
            ("Arabic numerals", "Roman numerals"),
            ("hexadecimal numbers", "decimal"),
            ("decimal numbers", "hexadecimal"),
            ("fractions", "decimals"),
            ("decimals", "fractions"),
            ("percentages", "fractions"),
            ("numbers in scientific notation", "standard form"),
            ("large numbers", "scientific notation"),
            ("numbers written in digits", "words"),
        ]
    },
)
maths.task(
    "calc",
    "check whether {what}",
    {
        "what": [
            "a number is prime",
            "a year is a leap year",
            "a number is divisible by 3",
            "a number is a perfect square",
            "a number is even or odd",
            "a credit card number passes the Luhn check",
            "three lengths can form a triangle",
        ]
    },
)
maths.task(
    "calc",
    "find the {what} of {of}",
    {
        "what": ["greatest common divisor", "least common multiple"],
        "of": ["two numbers", "three numbers", "a list of integers"],
    },
)
maths.task(
    "calc",
    "find the prime factorisation of {of}",
    {"of": ["integers below 1,000", "large integers"]},
)
maths.task(
    "calc",
    "compute the nth term of {seq}",
    {
        "seq": [
            "arithmetic sequences",
            "geometric sequences",
            "the Fibonacci sequence",
            "square numbers",
        ]
    },
)
maths.task(
    "calc",
    "calculate the {measure} of {shape}",
    {
        "measure shape": [
            ("area", "a circle from its radius"),
            ("area", "a rectangle"),
            ("area", "a triangle from base and height"),
            ("area", "a trapezoid"),
            ("perimeter", "a rectangle"),
            ("perimeter", "a regular polygon"),
            ("circumference", "a circle"),
            ("volume", "a cube"),
            ("volume", "a cylinder"),
            ("volume", "a sphere"),
            ("volume", "a cone"),
            ("surface area", "a cube"),
            ("surface area", "a cylinder"),
            ("surface area", "a sphere"),
            ("hypotenuse", "a right triangle"),
        ]
    },
    details=["State the units in the answer.", "Round to two decimal places."],
)
maths.task(
    "calc",
    "evaluate {expr}",
    {
        "expr": [
            "arithmetic expressions with parentheses",
            "expressions using the order of operations",
            "nested fractions",
            "expressions with negative numbers",
            "expressions with powers and roots",
        ]
    },
)
maths.task(
    "calc",
    "round {what} to {to}",
    {
        "what": ["decimals", "large numbers", "measurements"],
        "to": [
            "the nearest whole number",
            "two decimal places",
            "the nearest hundred",
            "three significant figures",
        ],
    },
)
maths.task(
    "calc",
    "compute the probability of {event}",
    {
        "event": [
            "rolling a given total with two dice",
            "drawing a given card from a deck",
            "getting at least one head in several coin flips",
            "drawing two red balls from a bag",
            "independent events happening together",
        ]
    },
)
maths.task(
    "calc", "compute the factorial of {what}", {"what": ["small integers", "numbers up to 20"]}
)

# --- unit conversion ------------------------------------------------------------------------------
units = Domain(
    "unit conversion",
    keywords=(
        "convert",
        "conversion",
        "units",
        "measurement",
        "time zone",
        "time",
        "temperature",
        "distance",
        "weight",
    ),
    contexts=(
        "for a unit converter app",
        "for a calculator chatbot",
        "for a general-purpose assistant",
        "for an international team",
    ),
    personas=(
        "an engineer",
        "a traveller",
        "a physics student",
        "an international project manager",
        "a fitness coach",
    ),
)
units.task(
    "calc",
    "convert {quantity} from {a} to {b}",
    {
        "quantity a b": [
            ("temperatures", "Celsius", "Fahrenheit"),
            ("temperatures", "Fahrenheit", "Celsius"),
            ("temperatures", "Kelvin", "Celsius"),
            ("distances", "kilometres", "miles"),
            ("distances", "miles", "kilometres"),
            ("distances", "nautical miles", "kilometres"),
            ("weights", "kilograms", "pounds"),
            ("weights", "pounds", "kilograms"),
            ("weights", "stone", "kilograms"),
            ("weights", "ounces", "grams"),
            ("volumes", "litres", "US gallons"),
            ("volumes", "US gallons", "litres"),
            ("lengths", "centimetres", "inches"),
            ("lengths", "inches", "centimetres"),
            ("heights", "feet and inches", "centimetres"),
            ("lengths", "metres", "feet"),
            ("areas", "square feet", "square metres"),
            ("areas", "acres", "hectares"),
            ("speeds", "miles per hour", "kilometres per hour"),
            ("speeds", "metres per second", "kilometres per hour"),
            ("energy values", "kilocalories", "kilojoules"),
            ("power ratings", "horsepower", "kilowatts"),
            ("pressures", "psi", "bar"),
            ("pressures", "pascals", "atmospheres"),
            ("durations", "seconds", "hours, minutes and seconds"),
            ("durations", "days", "weeks and days"),
            ("file sizes", "bytes", "megabytes"),
            ("storage sizes", "gigabytes", "gibibytes"),
            ("fuel economy figures", "miles per gallon", "litres per 100 km"),
            ("shoe sizes", "US sizes", "EU sizes"),
            ("astronomical distances", "light years", "kilometres"),
            ("angles", "degrees", "radians"),
        ]
    },
    details=["Give the result to two decimal places.", "Show the conversion factor used."],
)
TIME_ZONES = [
    "Pacific Time",
    "Eastern Time",
    "UK time",
    "Central European Time",
    "India Standard Time",
    "Japan Standard Time",
    "Australian Eastern Time",
    "Singapore time",
    "UTC",
    "São Paulo time",
]
units.task(
    "calc",
    "convert {times} from {a} to {b}",
    {
        "times": ["meeting times", "flight departure times", "webinar start times"],
        "a b": [(a, b) for a in TIME_ZONES for b in TIME_ZONES if a != b],
    },
    details=[
        "Account for daylight saving time.",
        "Say if the converted time falls on a different day.",
    ],
)
units.task(
    "calc",
    "convert {what} between {system}",
    {
        "what": ["measurements", "recipe quantities", "body measurements"],
        "system": ["metric and imperial units", "US customary and metric units"],
    },
)

# --- code ----------------------------------------------------------------------------------------
code = Domain(
    "code",
    keywords=(
        "code",
        "function",
        "program",
        "script",
        "Python",
        "JavaScript",
        "TypeScript",
        "Go",
        "Rust",
        "Java",
        "C#",
        "Ruby",
        "Kotlin",
        "Swift",
        "PHP",
        "C++",
        "SQL",
        "query",
        "regular expression",
        "class",
        "snippet",
        "bug",
        "unit tests",
        "Bash",
        "PowerShell",
        "React",
        "endpoint",
        "route",
        "complexity",
        "docstrings",
        "type hints",
        "algorithm",
        "Flask",
        "FastAPI",
        "Express",
    ),
    contexts=(
        "for a developer assistant",
        "for an IDE plugin",
        "for a coding tutor",
        "for a software team",
    ),
    personas=(
        "a backend developer",
        "a computer science student",
        "a data engineer",
        "a junior developer",
        "a QA engineer",
        "a hobbyist programmer",
    ),
)
LANGS = [
    "Python",
    "JavaScript",
    "TypeScript",
    "Go",
    "Rust",
    "Java",
    "C#",
    "Ruby",
    "Kotlin",
    "Swift",
    "PHP",
    "C++",
]
code.task(
    "code",
    "write a {lang} function that {does}",
    {
        "lang": LANGS,
        "does": [
            "reverses a string",
            "checks whether a string is a palindrome",
            "removes duplicates from a list",
            "flattens a nested list",
            "merges two sorted lists",
            "counts word frequencies in a text",
            "validates an email address",
            "converts Celsius to Fahrenheit",
            "returns the nth Fibonacci number",
            "checks whether a number is prime",
            "finds the largest element in an array",
            "parses an ISO 8601 date string",
            "capitalises the first letter of each word",
            "computes the factorial of a number",
            "groups a list of records by a key",
            "splits a list into chunks of a given size",
            "retries a call with exponential backoff",
            "computes the Levenshtein distance between two strings",
            "checks the strength of a password",
            "converts an integer to Roman numerals",
            "finds the intersection of two lists",
            "rotates a matrix by 90 degrees",
            "performs a binary search on a sorted array",
            "sorts a list of records by a field",
            "truncates a string to a maximum length",
            "converts a snake_case string to camelCase",
            "calculates the average of a list of numbers",
            "checks whether two strings are anagrams",
        ],
    },
)
code.task(
    "code",
    "write a {dialect} query that {does}",
    {
        "dialect": ["SQL", "PostgreSQL", "MySQL", "SQLite"],
        "does": [
            "finds the top five customers by total spend",
            "counts orders per month",
            "finds duplicate email addresses in a users table",
            "returns the latest order for each customer",
            "computes a running total of sales",
            "lists employees who earn more than their managers",
            "finds products that have never been ordered",
            "calculates the average rating per product",
            "deletes rows older than 90 days",
            "returns the second highest salary",
            "finds gaps in a sequence of invoice numbers",
            "ranks players by score within each team",
            "counts active users per day",
            "finds customers who ordered in two consecutive months",
        ],
    },
)
code.task(
    "code",
    "write a regular expression that matches {what}",
    {
        "what": [
            "email addresses",
            "US phone numbers",
            "UK postcodes",
            "ISO 8601 dates",
            "IPv4 addresses",
            "hex colour codes",
            "URLs",
            "hashtags",
            "times in 24-hour format",
            "semantic version numbers",
            "dollar amounts",
            "UUIDs",
            "HTML tags",
            "credit card numbers",
            "strong passwords",
        ]
    },
    details=[
        "Explain each part of the pattern.",
        "Give two strings it matches and one it rejects.",
    ],
)
code.task("explain", "explain what {lang} code snippets do in plain English", {"lang": LANGS})
code.task(
    "code",
    "write unit tests with {framework} for {lang} functions",
    {
        "framework lang": [
            ("pytest", "Python"),
            ("unittest", "Python"),
            ("Jest", "JavaScript"),
            ("Vitest", "TypeScript"),
            ("JUnit", "Java"),
            ("RSpec", "Ruby"),
            ("xUnit", "C#"),
            ("PHPUnit", "PHP"),
            ("the testing package", "Go"),
            ("XCTest", "Swift"),
        ]
    },
    details=["Cover the edge cases.", "Use descriptive test names."],
)
code.task(
    "code",
    "translate {a} code into {b}",
    {
        "a b": [
            ("Python", "JavaScript"),
            ("JavaScript", "TypeScript"),
            ("Java", "Kotlin"),
            ("Python", "Go"),
            ("C", "Rust"),
            ("Python 2", "Python 3"),
            ("jQuery", "plain JavaScript"),
            ("Bash", "Python"),
            ("MATLAB", "Python with NumPy"),
            ("R", "Python with pandas"),
            ("Objective-C", "Swift"),
            ("PHP", "Python"),
            ("Java", "C#"),
            ("JavaScript", "Python"),
        ]
    },
    details=["Keep the behaviour identical.", "Use the target language's idioms."],
)
code.task(
    "review",
    "review {lang} code for {issue}",
    {
        "lang": ["Python", "JavaScript", "Java", "Go", "C++", "PHP"],
        "issue": [
            "security vulnerabilities",
            "performance problems",
            "readability issues",
            "unhandled errors",
            "race conditions",
        ],
    },
)
code.task("review", "find the bug in {lang} functions and suggest a fix", {"lang": LANGS})
code.task(
    "code",
    "write a {shell} script that {does}",
    {
        "shell": ["Bash", "PowerShell"],
        "does": [
            "backs up a directory to a dated archive",
            "renames all files in a folder to lowercase",
            "finds the ten largest files on a disk",
            "counts the lines in all CSV files in a folder",
            "checks whether a website is up",
            "deletes log files older than a week",
            "warns when disk usage goes above 90 percent",
        ],
    },
)
code.task(
    "code",
    "write a {lang} class that represents {what}",
    {
        "lang": ["Python", "Java", "C#", "TypeScript", "Kotlin"],
        "what": [
            "a bank account",
            "a shopping cart",
            "a to-do list",
            "a queue",
            "a 2D vector",
            "a library book loan",
            "a temperature sensor reading",
            "a deck of playing cards",
        ],
    },
)
code.task(
    "explain",
    "explain the time complexity of {what}",
    {
        "what": [
            "Python functions",
            "recursive algorithms",
            "code with nested loops",
            "sorting routines",
        ]
    },
)
code.task(
    "code",
    "write a React component that {does}",
    {
        "does": [
            "displays a to-do list",
            "renders a login form",
            "shows a paginated table",
            "runs a countdown timer",
            "shows an image carousel",
            "offers a search box with suggestions",
        ]
    },
)
code.task(
    "code",
    "write a {fw} endpoint that {does}",
    {
        "fw": ["Flask", "FastAPI", "Express"],
        "does": [
            "returns a list of users as JSON",
            "accepts a file upload",
            "validates a JSON payload",
            "returns the current server time",
            "paginates search results",
        ],
    },
)
code.task(
    "code",
    "add {what} to {lang} code",
    {
        "what lang": [
            ("type hints", "Python"),
            ("docstrings", "Python"),
            ("JSDoc comments", "JavaScript"),
            ("Javadoc comments", "Java"),
            ("error handling", "Go"),
            ("logging", "Python"),
            ("input validation", "PHP"),
        ]
    },
    details=["Do not change the behaviour."],
)
code.task(
    "code",
    "refactor {lang} code to {goal}",
    {
        "lang": ["Python", "JavaScript", "Java"],
        "goal": [
            "remove duplication",
            "use smaller functions",
            "replace loops with comprehensions or maps",
            "follow the single-responsibility principle",
        ],
    },
)
code.task(
    "code",
    "write a {lang} function signature and docstring from a plain-English description",
    {"lang": ["Python", "TypeScript", "Java"]},
)

# --- software operations -------------------------------------------------------------------------
devops = Domain(
    "software operations",
    keywords=(
        "log",
        "error",
        "code",
        "commit",
        "deployment",
        "server",
        "API",
        "stack trace",
        "bug",
        "release",
        "changelog",
        "pull request",
        "incident",
        "Kubernetes",
        "Docker",
        "CI",
        "configuration",
        "software",
        "test",
        "issue",
        "pipeline",
        "manifest",
        "nginx",
        "cron",
        "workflow",
        "endpoint",
        "syslog",
        "crash",
        "compiler",
        "outage",
        "curl",
        "query plans",
        "ORM",
    )
    + (
        "dependency",
        "lock files",
        "design review",
        "user stories",
        "feature requests",
    ),
    contexts=(
        "for a platform team",
        "for a DevOps chatbot",
        "for an engineering team",
        "for an open-source project",
    ),
    personas=(
        "an SRE",
        "a DevOps engineer",
        "an engineering manager",
        "an open-source maintainer",
        "a release manager",
        "a support engineer",
    ),
)
devops.task(
    "classify",
    "classify {logs} by severity",
    {
        "logs": [
            "application log lines",
            "syslog messages",
            "Kubernetes events",
            "web server error logs",
            "CI build logs",
        ]
    },
)
devops.task(
    "classify",
    "detect anomalies in {logs}",
    {
        "logs": [
            "application logs",
            "web server access logs",
            "authentication logs",
            "database slow query logs",
        ]
    },
)
devops.task(
    "extract",
    "extract {what} from {source}",
    {
        "what source": [
            ("error codes", "stack traces"),
            ("the failing test names", "CI build logs"),
            ("the root cause", "incident post-mortems"),
            ("request IDs and timestamps", "application logs"),
            ("dependency versions", "lock files"),
            ("endpoints and HTTP methods", "API documentation"),
            ("environment variables", "Docker Compose files"),
            ("the affected services", "incident reports"),
        ]
    },
)
devops.task(
    "write",
    "write {what} from {source}",
    {
        "what source": [
            ("a commit message", "a code diff"),
            ("release notes", "a list of merged pull requests"),
            ("a changelog entry", "a commit history"),
            ("a pull request description", "a code diff"),
            ("an incident post-mortem", "a timeline of events"),
            ("API documentation", "function signatures"),
            ("user stories", "feature requests"),
            ("a status page update", "incident notes"),
        ]
    },
)
devops.task(
    "summarise",
    "summarise {source}",
    {
        "source": [
            "long pull request discussions",
            "bug reports",
            "incident timelines",
            "chat threads about an outage",
            "GitHub issues",
            "design review comments",
        ]
    },
)
devops.task(
    "code",
    "write a {ci} that {does}",
    {
        "ci": ["GitHub Actions workflow", "GitLab CI pipeline"],
        "does": [
            "runs the Python tests on every push",
            "builds and pushes a Docker image",
            "deploys a static site",
            "lints JavaScript code",
            "publishes a package on tagged releases",
        ],
    },
)
devops.task(
    "code",
    "write a Kubernetes {resource} for {app}",
    {
        "resource": ["deployment manifest", "service manifest", "CronJob manifest"],
        "app": ["a web API", "a background worker", "a nightly report job"],
    },
)
devops.task(
    "code",
    "write a Dockerfile for {app}",
    {
        "app": [
            "a Python Flask app",
            "a Node.js API",
            "a Go web server",
            "a static website served by nginx",
            "a Jupyter notebook environment",
        ]
    },
    details=["Use a multi-stage build where it helps.", "Run the app as a non-root user."],
)
devops.task(
    "code",
    "write an nginx configuration that {does}",
    {
        "does": [
            "serves a static site",
            "proxies requests to a Node.js app",
            "redirects HTTP to HTTPS",
            "rate-limits an API",
        ]
    },
)
devops.task(
    "classify",
    "triage {reports} by {criterion}",
    {
        "reports": ["bug reports", "GitHub issues", "crash reports"],
        "criterion": ["severity", "component", "whether they are duplicates"],
    },
)
devops.task(
    "explain",
    "explain {what} to {who}",
    {
        "what": ["error messages", "stack traces", "compiler errors", "SQL query plans"],
        "who": ["a junior developer", "a non-technical manager"],
    },
)
devops.task(
    "format",
    "convert {a} into {b}",
    {
        "a b": [
            ("curl commands", "Python requests code"),
            ("cron expressions", "plain English"),
            ("plain-English schedules", "cron expressions"),
            ("SQL table definitions", "ORM models"),
            ("Docker run commands", "Docker Compose files"),
        ]
    },
)

# --- security ----------------------------------------------------------------------------------------
security = Domain(
    "cybersecurity",
    keywords=(
        "security",
        "phishing",
        "malware",
        "vulnerability",
        "vulnerabilities",
        "threat",
        "attack",
        "password",
        "CVE",
        "firewall",
        "breach",
        "incident",
        "suspicious",
        "indicators of compromise",
        "exploit",
        "IAM",
        "ransomware",
        "leaked",
        "DDoS",
        "social engineering",
        "SSH",
        "advisories",
        "MITRE",
    )
    + ("bug bounty",),
    contexts=(
        "for a security operations centre",
        "for an IT help desk",
        "for a small company's IT team",
    ),
    personas=(
        "a security analyst",
        "an IT administrator",
        "a CISO",
        "a penetration tester",
        "an incident responder",
    ),
)
security.task(
    "classify",
    "classify {source} as phishing or legitimate",
    {
        "source": [
            "emails",
            "SMS messages",
            "login notification emails",
            "invoice emails",
            "social media messages",
        ]
    },
    details=["Point out the warning signs you relied on."],
)
security.task(
    "extract",
    "extract {what} from {source}",
    {
        "what": [
            "IP addresses and domains",
            "file hashes",
            "CVE identifiers",
            "MITRE ATT&CK techniques",
        ],
        "source": [
            "threat intelligence reports",
            "incident reports",
            "malware analysis write-ups",
            "security blog posts",
        ],
    },
)
security.task(
    "classify",
    "rate the severity of {source}",
    {
        "source": [
            "vulnerability reports",
            "security alerts",
            "firewall log events",
            "bug bounty submissions",
        ]
    },
    details=["Use the levels critical, high, medium and low."],
)
security.task(
    "explain",
    "explain security advisories in plain language for {who}",
    {"who": ["system administrators", "developers", "executives", "non-technical staff"]},
)
security.task(
    "review",
    "review {what} for security issues",
    {
        "what": [
            "firewall rules",
            "IAM policies",
            "nginx configurations",
            "Docker Compose files",
            "Kubernetes manifests",
            "SSH server configurations",
        ]
    },
)
security.task(
    "write",
    "write security awareness tips about {topic}",
    {
        "topic": [
            "phishing",
            "password reuse",
            "public Wi-Fi",
            "social engineering",
            "unknown USB drives",
            "multi-factor authentication",
        ]
    },
)
security.task(
    "plan",
    "write an incident response checklist for {incident}",
    {
        "incident": [
            "ransomware",
            "a lost laptop",
            "a leaked API key",
            "a compromised email account",
            "a DDoS attack",
        ]
    },
)
security.task(
    "classify",
    "check whether passwords meet {policy}",
    {"policy": ["a given password policy", "NIST password guidelines"]},
)

# --- data and spreadsheets -----------------------------------------------------------------------
data = Domain(
    "data and spreadsheets",
    keywords=(
        "data",
        "spreadsheet",
        "table",
        "column",
        "row",
        "CSV",
        "Excel",
        "dataset",
        "chart",
        "formula",
        "records",
        "values",
        "pandas",
        "Google Sheets",
        "survey",
        "sales",
    )
    + (
        "timetable",
        "figures",
        "trends",
        "prices",
    ),
    contexts=(
        "for a business analyst",
        "for a reporting team",
        "for an analytics team",
        "for a small business",
    ),
    personas=(
        "a business analyst",
        "an office manager",
        "a data analyst",
        "a researcher",
        "a spreadsheet power user",
    ),
)
data.task(
    "code",
    "write {tool} formulas that {does}",
    {
        "tool": ["Excel", "Google Sheets"],
        "does": [
            "look up a price from a product table",
            "count cells that meet two conditions",
            "sum sales by month",
            "extract the domain from an email address",
            "calculate working days between two dates",
            "flag duplicate rows",
            "combine first and last names",
            "return the last non-empty value in a column",
        ],
    },
)
data.task(
    "rewrite",
    "clean {problem} in {where}",
    {
        "problem where": [
            ("inconsistent date formats", "a spreadsheet column"),
            ("duplicate customer records", "a CRM export"),
            ("misspelled city names", "address data"),
            ("mixed units", "a measurement column"),
            ("stray whitespace and capitalisation", "a product data table"),
            ("inconsistent category labels", "survey data"),
        ]
    },
    details=[
        "List every change you made.",
        "Do not drop any rows.",
        "Return the cleaned data only.",
    ],
    generic=False,
)
data.task(
    "summarise",
    "describe the trends in {what}",
    {
        "what": [
            "a table of monthly sales",
            "website traffic data",
            "survey results",
            "temperature records",
            "stock prices over a year",
            "app download figures",
        ]
    },
    details=["Mention the largest change and when it happened."],
)
data.task(
    "answer",
    "suggest the best chart type for {what}",
    {
        "what": [
            "sales over time",
            "market share by competitor",
            "survey answers on a five-point scale",
            "the relationship between two numeric variables",
            "a budget breakdown",
        ]
    },
)
data.task(
    "answer",
    "answer questions about {table}",
    {
        "table": [
            "a sales table",
            "a CSV of orders",
            "a sports league table",
            "a train timetable",
            "an inventory spreadsheet",
        ]
    },
)
data.task(
    "code",
    "write pandas code that {does}",
    {
        "does": [
            "groups sales by region and month",
            "merges two data frames on a customer ID",
            "fills missing values with the column median",
            "pivots a long table into a wide one",
            "removes outliers using the IQR rule",
            "parses a date column and resamples it by week",
        ]
    },
)
data.task(
    "format",
    "turn {source} into a CSV table with columns for {cols}",
    {
        "source cols": [
            ("free-text contact notes", "name, email and phone"),
            ("expense descriptions", "date, amount and category"),
            ("product descriptions", "name, price and size"),
            ("event announcements", "title, date and venue"),
        ]
    },
)

DOMAINS = [maths, units, code, devops, security, data]
