"""Professional domains: legal, medical, finance, customer support, HR, marketing, real estate,
insurance, public services, education."""

from __future__ import annotations

from workers.synthetic_data.base import Domain, pairs

# --- legal ---------------------------------------------------------------------------------------
legal = Domain(
    "legal",
    keywords=(
        "legal",
        "law",
        "contract",
        "clause",
        "court",
        "lease",
        "agreement",
        "NDA",
        "statute",
        "case",
        "judgment",
        "lawyer",
        "tenant",
        "liability",
        "policy",
        "terms",
        "regulation",
        "compliance",
        "GDPR",
        "licence",
        "attorney",
        "litigation",
        "legalese",
        "obligations",
        "arbitration",
        "cease-and-desist",
        "notice",
        "tenancy",
        "warranty",
        "privacy",
        "citations",
        "filings",
        "discovery",
        "witness",
        "opinions",
        "decisions",
        "awards",
        "summonses",
        "will",
        "power of attorney",
    )
    + (
        "handbook",
        "job ads",
        "discriminatory",
        "unsubscribe",
        "demand letter",
        "parking fine",
        "letter",
    ),
    contexts=(
        "for a small law firm",
        "for an in-house legal team",
        "for a legal aid clinic",
        "for a legal research tool",
        "for paralegals",
    ),
    personas=(
        "a paralegal",
        "an in-house lawyer",
        "a contracts manager",
        "a law student",
        "a compliance officer",
        "a small business owner",
    ),
)
CONTRACTS = [
    "NDAs",
    "commercial leases",
    "employment contracts",
    "SaaS agreements",
    "supplier agreements",
    "consulting agreements",
    "licensing agreements",
    "residential tenancy agreements",
    "loan agreements",
]
legal.task(
    "extract",
    "extract {field} from {contract}",
    {
        "field": [
            "the parties",
            "the effective date",
            "the termination conditions",
            "the governing law",
            "the renewal terms",
            "the notice period",
            "the signatories",
        ],
        "contract": CONTRACTS,
    },
)
legal.task(
    "extract",
    "extract the payment terms from {contract}",
    {
        "contract": [
            "SaaS agreements",
            "supplier agreements",
            "consulting agreements",
            "licensing agreements",
            "loan agreements",
            "commercial leases",
        ]
    },
)
legal.task(
    "classify",
    "classify {clauses} by {criterion}",
    {
        "clauses criterion": [
            ("contract clauses", "type, such as indemnity, termination or confidentiality"),
            ("contract clauses", "risk level for the signing party"),
            ("purchase agreement clauses", "whether they favour the buyer or the seller"),
            ("lease clauses", "whether they favour the landlord or the tenant"),
            ("terms-of-service clauses", "how unusual they are for consumers"),
            ("privacy policy sections", "the type of personal data they concern"),
        ]
    },
)
legal.task(
    "classify",
    "decide whether {doc} contains {clause}",
    {
        "doc": [
            "a contract",
            "an employment agreement",
            "a vendor agreement",
            "a commercial lease",
        ],
        "clause": [
            "an auto-renewal clause",
            "a non-compete clause",
            "an arbitration clause",
            "an indemnification clause",
            "a limitation of liability",
            "a change-of-control clause",
            "a force majeure clause",
            "a non-solicitation clause",
        ],
    },
    details=["Quote the clause if it is present."],
)
legal.task(
    "rewrite",
    "rewrite {source} in plain English for {audience}",
    {
        "source audience": pairs(
            {
                "lease terms": ["tenants", "first-time renters"],
                "terms of service": ["consumers", "teenage users"],
                "privacy policies": ["consumers", "app users"],
                "court summonses": ["people without a lawyer"],
                "warranty terms": ["consumers"],
                "employment contract clauses": ["new employees"],
                "loan agreements": ["first-time borrowers"],
            }
        )
    },
)
legal.task(
    "summarise",
    "summarise {case} {how}",
    {
        "case": [
            "court opinions",
            "appellate judgments",
            "Supreme Court decisions",
            "arbitration awards",
            "regulatory enforcement notices",
        ],
        "how": [
            "into facts, issue, holding and reasoning",
            "in three sentences",
            "for a non-lawyer",
        ],
    },
)
legal.task(
    "write",
    "draft {letter}",
    {
        "letter": [
            "a cease-and-desist letter for trademark infringement",
            "a demand letter for unpaid invoices",
            "a GDPR data subject access request",
            "a tenant's notice to end a lease",
            "a contract termination notice",
            "a copyright takedown notice",
            "a letter disputing a parking fine",
            "a letter requesting a refund under consumer law",
        ]
    },
    details=["Use only the facts the user provides.", "Leave placeholders for missing details."],
)
legal.task("extract", "list the obligations of each party in {contract}", {"contract": CONTRACTS})
legal.task(
    "extract", "compare two versions of {contract} and list the changes", {"contract": CONTRACTS}
)
legal.task(
    "classify",
    "classify {source} by area of law",
    {
        "source": [
            "client intake notes",
            "legal questions from the public",
            "court case descriptions",
            "legal aid requests",
        ]
    },
    details=["Use areas such as family, employment, housing, criminal and immigration law."],
)
legal.task(
    "extract",
    "extract citations to {what} from {source}",
    {
        "what": ["case law", "statutes", "regulations"],
        "source": ["legal briefs", "court opinions", "law review articles"],
    },
)
legal.task(
    "answer",
    "answer questions about {doc} using only its text",
    {
        "doc": [
            "a lease agreement",
            "an employee handbook",
            "a website's terms of service",
            "a privacy policy",
            "an insurance policy",
            "a statute",
            "a shareholder agreement",
            "a software licence",
        ]
    },
)
legal.task(
    "review",
    "check {source} for {requirement}",
    {
        "source requirement": [
            ("privacy policies", "gaps in GDPR compliance"),
            ("marketing emails", "missing unsubscribe and sender details"),
            ("cookie banner text", "valid consent under EU law"),
            ("job ads", "discriminatory language"),
            ("product labels", "missing legally required information"),
        ]
    },
)
legal.task(
    "rewrite",
    "redact {pii} from {doc}",
    {
        "pii": [
            "names",
            "home addresses",
            "phone numbers",
            "national ID numbers",
            "bank details",
            "all personal data",
        ],
        "doc": ["court filings", "witness statements", "discovery documents", "contracts"],
    },
    details=[
        "Replace each redaction with a label such as [NAME].",
        "Change nothing else.",
        "Return only the redacted text.",
    ],
    generic=False,
)
legal.task(
    "calc",
    "calculate {deadline}",
    {
        "deadline": [
            "court filing deadlines from a trigger date and a rule",
            "the end of a notice period from a lease",
            "the statute of limitations expiry date for a claim",
            "the date a contract auto-renews",
        ]
    },
)

# --- medical -------------------------------------------------------------------------------------
medical = Domain(
    "medical",
    keywords=(
        "medical",
        "patient",
        "clinical",
        "doctor",
        "medication",
        "symptom",
        "diagnosis",
        "diagnoses",
        "health",
        "hospital",
        "nurse",
        "drug",
        "prescription",
        "dosage",
        "dose",
        "lab",
        "allergies",
        "ICD-10",
        "treatment",
        "discharge",
        "triage",
        "radiology",
        "vaccine",
        "care",
        "therapy",
        "CPT",
        "SNOMED",
        "blood",
        "pathology",
        "surgical",
        "specialty",
        "body mass index",
        "infusion",
        "creatinine",
        "due dates",
        "referral",
        "adverse",
        "smoking",
        "fall risk",
        "suicidal",
        "SOAP",
        "diabetes",
        "asthma",
        "migraine",
        "eczema",
        "sleep",
        "MRI",
        "cholesterol",
        "HbA1c",
        "pharmacy",
        "prescriptions",
        "leaflet",
        "clinic",
    )
    + (
        "nursing",
        "emergency",
        "vital signs",
        "procedures",
        "telehealth",
        "urgency",
        "family history",
        "follow-up",
    ),
    contexts=(
        "for a hospital",
        "for a primary care clinic",
        "for a telehealth service",
        "for a healthcare provider",
    ),
    personas=(
        "a nurse",
        "a GP",
        "a medical coder",
        "a hospital pharmacist",
        "a clinical researcher",
        "a care coordinator",
    ),
)
CLINICAL_DOCS = [
    "clinical notes",
    "discharge summaries",
    "referral letters",
    "nursing handover notes",
    "emergency department notes",
    "outpatient clinic letters",
]
medical.task(
    "extract",
    "extract {what} from {doc}",
    {
        "what": [
            "medications and dosages",
            "diagnoses",
            "allergies",
            "vital signs",
            "lab values",
            "follow-up instructions",
            "procedures performed",
            "family history",
        ],
        "doc": CLINICAL_DOCS,
    },
)
medical.task(
    "classify",
    "triage {source} by urgency",
    {
        "source": [
            "patient portal messages",
            "symptom descriptions",
            "nurse hotline call notes",
            "after-hours voicemail transcripts",
            "telehealth intake forms",
        ]
    },
    details=[
        "Use the levels emergency, urgent and routine.",
        "Always advise calling emergency services for emergencies.",
    ],
)
medical.task(
    "rewrite",
    "rewrite {doc} in patient-friendly language",
    {
        "doc": [
            "discharge instructions",
            "radiology reports",
            "lab results",
            "medication instructions",
            "surgical consent forms",
            "pathology reports",
            "care plans",
        ]
    },
)
medical.task(
    "classify",
    "assign {codes} to {doc}",
    {
        "codes doc": [
            ("ICD-10 codes", "diagnoses in clinical notes"),
            ("ICD-10 codes", "discharge summaries"),
            ("ICD-10 codes", "problem lists"),
            ("CPT codes", "procedure notes"),
            ("CPT codes", "operative reports"),
            ("SNOMED CT concepts", "clinical findings in notes"),
            ("SNOMED CT concepts", "problem lists"),
        ]
    },
)
medical.task(
    "summarise",
    "summarise {doc} {how}",
    {
        "doc how": [
            ("patient histories", "into a one-paragraph handover"),
            ("patient histories", "as a problem list"),
            ("daily progress notes from a hospital stay", "into a discharge summary"),
            ("consultation transcripts", "in SOAP format"),
            ("clinical trial protocols", "for potential participants"),
            ("medical research abstracts", "for patients"),
        ]
    },
)
medical.task(
    "extract",
    "detect mentions of {what} in {doc}",
    {
        "what": [
            "adverse drug reactions",
            "smoking status",
            "fall risk",
            "social determinants of health",
            "suicidal ideation",
        ],
        "doc": ["clinical notes", "patient forum posts", "nursing notes"],
    },
    details=["Return the exact sentence that mentions it."],
)
medical.task(
    "explain",
    "explain {what} in plain language",
    {
        "what": [
            "full blood count results",
            "blood pressure readings",
            "cholesterol results",
            "HbA1c values",
            "MRI findings",
            "medical abbreviations in clinical notes",
            "vaccine side effects",
        ]
    },
)
medical.task(
    "write",
    "write {doc} from {source}",
    {
        "doc source": [
            ("a referral letter", "consultation notes"),
            ("a discharge summary", "progress notes"),
            ("a SOAP note", "a consultation transcript"),
            ("a nursing handover", "shift notes"),
            ("a sick note", "a doctor's assessment"),
        ]
    },
)
medical.task(
    "write",
    "write a patient education leaflet about {condition}",
    {
        "condition": [
            "type 2 diabetes",
            "asthma",
            "high blood pressure",
            "migraine",
            "lower back pain",
            "eczema",
            "iron deficiency",
            "sleep hygiene",
        ]
    },
)
medical.task(
    "calc",
    "calculate {what}",
    {
        "what": [
            "body mass index from height and weight",
            "medication doses from body weight",
            "drip rates for IV infusions",
            "estimated due dates from the last menstrual period",
            "creatinine clearance with the Cockcroft-Gault formula",
        ]
    },
    details=["Have a clinician verify any dose before use."],
)
medical.tasks(
    "classify",
    [
        "classify patient feedback comments by theme",
        "classify clinical trial eligibility criteria as inclusion or exclusion criteria",
        "classify radiology reports as normal or abnormal",
        "classify medical questions by the specialty that should answer them",
        "classify symptom descriptions by the body system involved",
    ],
)
medical.task(
    "rewrite",
    "expand the medical abbreviations in {doc}",
    {"doc": ["clinical notes", "prescriptions", "nursing notes", "handover sheets"]},
)
medical.task(
    "review",
    "check {doc} for {issue}",
    {
        "doc": ["prescriptions", "medication lists"],
        "issue": ["duplicate medications", "doses outside the usual range", "missing instructions"],
    },
)

# --- finance -------------------------------------------------------------------------------------
finance = Domain(
    "finance",
    keywords=(
        "finance",
        "financial",
        "bank",
        "transaction",
        "invoice",
        "budget",
        "tax",
        "earnings",
        "revenue",
        "stock",
        "loan",
        "interest",
        "payment",
        "expense",
        "account",
        "price",
        "investment",
        "portfolio",
        "money",
        "currency",
        "credit",
        "mortgage",
        "profit",
        "cash",
        "accounting",
        "dollars",
        "euros",
        "pounds",
        "yen",
        "francs",
        "rupees",
        "salaries",
        "fund",
        "bond",
        "EBITDA",
        "inflation",
        "dividend",
        "receipt",
        "VAT",
        "ledger",
        "annual reports",
        "IPO",
        "analyst",
        "central bank",
        "bullish",
        "investor",
        "fraud",
        "fees",
        "reimbursement",
        "depreciation",
        "present value",
        "return on investment",
        "break-even",
        "margins",
        "debt",
        "amortisation",
        "cheques",
        "savings",
    )
    + (
        "dollar-cost",
        "billing",
    ),
    contexts=(
        "for an accounting team",
        "for a small business",
        "for a fintech startup",
        "for a finance department",
    ),
    personas=(
        "an accountant",
        "a financial analyst",
        "a bookkeeper",
        "a small business owner",
        "a personal finance blogger",
        "an auditor",
    ),
)
finance.task(
    "classify",
    "categorise {txn} into {categories}",
    {
        "txn categories": [
            (
                "bank transactions",
                "budget categories such as groceries, rent, transport and entertainment",
            ),
            ("credit card transactions", "spending categories"),
            ("expense report items", "tax-deductible and personal expenses"),
            ("business transactions", "accounting ledger accounts"),
            ("receipts", "expense categories for reimbursement"),
            ("bank statement lines", "income and expense types"),
        ]
    },
)
finance.task(
    "extract",
    "extract {field} from {doc}",
    {
        "field doc": [
            ("the invoice number", "invoices"),
            ("the total amount due", "invoices"),
            ("the due date", "invoices"),
            ("the vendor name", "invoices"),
            ("the line items", "invoices"),
            ("the VAT amount", "invoices"),
            ("the merchant and total", "receipts"),
            ("the purchase date", "receipts"),
            ("the amount and due date", "billing emails"),
            ("the ordered items and prices", "purchase orders"),
            ("revenue and net income", "quarterly earnings reports"),
            ("earnings per share", "earnings press releases"),
            ("guidance for the next quarter", "earnings press releases"),
            ("operating margin", "annual reports"),
            ("the risk factors", "annual reports"),
            ("fees and charges", "bank account terms"),
        ]
    },
)
finance.task(
    "classify",
    "classify {source} as bullish, bearish or neutral",
    {
        "source": [
            "financial news headlines",
            "analyst notes",
            "earnings call remarks",
            "tweets about stocks",
            "central bank statements",
        ]
    },
)
finance.task(
    "calc",
    "calculate {what}",
    {
        "what": [
            "monthly mortgage payments from the loan amount, rate and term",
            "compound interest on savings",
            "the return on investment of a project",
            "net present value from a series of cash flows",
            "the break-even point for a product",
            "year-over-year revenue growth",
            "gross and net profit margins",
            "a debt-to-income ratio",
            "a loan amortisation schedule",
            "straight-line depreciation of an asset",
            "the internal rate of return of an investment",
            "VAT-inclusive prices from net prices",
            "the effective annual interest rate",
            "dividend yield from price and dividend",
        ]
    },
)
finance.task(
    "summarise",
    "summarise {doc} {how}",
    {
        "doc": [
            "earnings call transcripts",
            "annual reports",
            "fund factsheets",
            "central bank statements",
            "analyst reports",
            "IPO prospectuses",
        ],
        "how": ["in five bullet points", "for a retail investor", "with a focus on the risks"],
    },
)
finance.task(
    "explain",
    "explain {term} in simple terms",
    {
        "term": [
            "EBITDA",
            "index funds",
            "compound interest",
            "inflation",
            "bond yields",
            "credit scores",
            "capital gains tax",
            "dollar-cost averaging",
            "emergency funds",
            "stock options",
            "overdraft fees",
            "price-to-earnings ratios",
        ]
    },
)
finance.tasks(
    "classify",
    [
        "flag potentially fraudulent card transactions from their descriptions",
        "flag duplicate invoices in a list of payables",
        "flag expense claims that break company policy",
        "flag unusual account activity in transaction logs",
    ],
)
finance.task(
    "write",
    "write {what}",
    {
        "what": [
            "payment reminder emails for overdue invoices",
            "a short investment memo from research notes",
            "plain-language explanations of bank fees",
            "a monthly budget summary from categorised transactions",
            "a cash-flow commentary for a management report",
        ]
    },
)
finance.task(
    "format",
    "convert {what}",
    {
        "what": [
            "amounts written in words on cheques into numbers",
            "bank statement PDFs' text into CSV transactions",
            "free-text expense notes into structured expense entries",
        ]
    },
)
CURRENCY_PAIRS = [
    ("US dollars", "euros"),
    ("euros", "US dollars"),
    ("British pounds", "US dollars"),
    ("Japanese yen", "US dollars"),
    ("euros", "Swiss francs"),
    ("Indian rupees", "US dollars"),
    ("Canadian dollars", "US dollars"),
    ("Australian dollars", "New Zealand dollars"),
]
finance.task(
    "calc",
    "convert {amounts} from {a} to {b} at a given exchange rate",
    {"amounts": ["prices", "invoice totals", "salaries"], "a b": CURRENCY_PAIRS},
)
finance.task(
    "extract",
    "{match} {a} against {b}",
    {
        "match a b": [
            ("reconcile", "bank statements", "ledger entries"),
            ("match", "incoming payments", "open invoices"),
            ("match", "receipts", "credit card statement lines"),
        ]
    },
)

# --- customer support ----------------------------------------------------------------------------
support = Domain(
    "customer support",
    keywords=(
        "customer",
        "support",
        "ticket",
        "complaint",
        "refund",
        "order",
        "agent",
        "service",
        "help",
        "reply",
        "chat",
        "return",
        "account",
        "subscription",
        "issue",
        "escalated",
        "canned",
        "knowledge base",
        "FAQ",
        "manual",
        "policy",
        "pricing",
    )
    + (
        "app store",
        "social media mentions",
        "call transcripts",
        "contact form",
        "manager",
        "urgency",
        "product area",
        "department",
        "threats",
    ),
    contexts=(
        "for a help desk",
        "for a customer service team",
        "for a support chatbot",
        "for a call centre",
    ),
    personas=(
        "a support agent",
        "a customer service manager",
        "a help desk lead",
        "a support team lead",
        "an online shop owner",
    ),
)
support.task(
    "write",
    "draft a reply to a customer of {business} who is upset about {issue}",
    {
        "business issue": pairs(
            {
                "an online clothing store": [
                    "a late delivery",
                    "a wrong size",
                    "a refund that has not arrived",
                    "a damaged parcel",
                ],
                "a telecom provider": [
                    "a billing error",
                    "poor signal",
                    "a contract cancellation fee",
                    "a service outage",
                ],
                "a bank": [
                    "a blocked card",
                    "a double charge",
                    "a delayed transfer",
                    "an unexpected fee",
                ],
                "a food delivery app": [
                    "a missing item",
                    "a cold meal",
                    "a late order",
                    "a wrong order",
                ],
                "an airline": [
                    "a cancelled flight",
                    "lost luggage",
                    "a denied refund",
                    "a long delay",
                ],
                "a software company": [
                    "a bug that lost their work",
                    "an unexpected price increase",
                    "a locked account",
                    "a missing feature",
                ],
                "a hotel chain": [
                    "a dirty room",
                    "a noisy room",
                    "an overbooked stay",
                    "an unexpected charge",
                ],
                "an electronics retailer": [
                    "a faulty laptop",
                    "a warranty claim",
                    "a delayed pre-order",
                    "a missing accessory",
                ],
                "an internet provider": [
                    "slow speeds",
                    "a missed engineer visit",
                    "frequent disconnections",
                ],
                "a subscription box service": [
                    "an unwanted renewal",
                    "a damaged box",
                    "difficulty cancelling",
                ],
            }
        )
    },
    details=["Apologise once and offer a concrete next step.", "Keep it under 120 words."],
)
support.task(
    "classify",
    "classify {source} by {criterion}",
    {
        "source": [
            "support tickets",
            "customer emails",
            "live chat messages",
            "app store reviews",
            "social media mentions",
        ],
        "criterion": [
            "urgency",
            "department",
            "product area",
            "issue type",
            "customer sentiment",
            "likelihood that the customer will churn",
        ],
    },
)
support.task(
    "extract",
    "extract {field} from {source}",
    {
        "field": [
            "order numbers",
            "account IDs",
            "product names and models",
            "the customer's requested resolution",
            "error messages the customer quotes",
        ],
        "source": [
            "support emails",
            "chat transcripts",
            "call transcripts",
            "contact form submissions",
        ],
    },
)
support.task(
    "summarise",
    "summarise {source} for handover to a second-line agent",
    {
        "source": [
            "support chat transcripts",
            "long email threads with customers",
            "call transcripts",
            "escalated tickets",
        ]
    },
)
support.task(
    "classify",
    "detect {signal} in {source}",
    {
        "signal": [
            "customer frustration",
            "requests to speak to a manager",
            "threats to cancel",
            "legal threats",
            "refund requests",
        ],
        "source": ["chat messages", "support emails", "call transcripts"],
    },
)
support.task(
    "write",
    "write canned responses for frequent questions about {topic}",
    {
        "topic": [
            "shipping times",
            "returns",
            "password resets",
            "billing cycles",
            "warranty claims",
            "order tracking",
        ]
    },
)
support.task(
    "write",
    "turn {source} into FAQ entries",
    {"source": ["support chat logs", "product manuals", "policy pages", "resolved tickets"]},
)
support.task(
    "answer",
    "answer customer questions using {source}",
    {
        "source": [
            "a product manual",
            "a returns policy",
            "a shipping policy",
            "a knowledge base article",
            "a pricing page",
        ]
    },
    details=["Say you will escalate if the source does not cover the question."],
)
support.task(
    "rewrite",
    "rewrite support agent replies to be {how}",
    {"how": ["more empathetic", "shorter", "clearer", "more on-brand", "free of jargon"]},
)

# --- HR ------------------------------------------------------------------------------------------
hr = Domain(
    "human resources",
    keywords=(
        "job",
        "candidate",
        "résumé",
        "CV",
        "employee",
        "hiring",
        "interview",
        "HR",
        "recruit",
        "role",
        "skills",
        "staff",
        "workplace",
        "onboarding",
        "performance",
        "offer letter",
        "handbook",
        "leave",
        "benefits",
        "hires",
        "promotion",
        "reference letter",
        "exit",
    )
    + (
        "LinkedIn",
        "warning letter",
        "lateness",
    ),
    contexts=(
        "for a recruiting team",
        "for an HR department",
        "for a hiring manager",
        "for a staffing agency",
    ),
    personas=(
        "a recruiter",
        "an HR manager",
        "a hiring manager",
        "a people operations specialist",
        "a startup founder",
    ),
)
ROLES = [
    "software engineer",
    "data analyst",
    "registered nurse",
    "sales representative",
    "product manager",
    "graphic designer",
    "accountant",
    "warehouse associate",
    "customer service agent",
    "marketing manager",
    "primary school teacher",
    "electrician",
    "UX researcher",
    "project coordinator",
    "line cook",
]
hr.task(
    "write",
    "write {doc} for a {role} role",
    {
        "doc": [
            "a job description",
            "structured interview questions",
            "an onboarding checklist",
            "a 30-60-90 day plan",
            "a practical skills assessment",
        ],
        "role": ROLES,
    },
)
hr.task(
    "extract",
    "extract {field} from {source}",
    {
        "field": [
            "skills",
            "job titles and dates",
            "education history",
            "certifications",
            "years of experience",
            "contact details",
            "programming languages",
        ],
        "source": ["résumés", "CVs", "LinkedIn profile text"],
    },
)
hr.task(
    "classify",
    "classify {source} by {criterion}",
    {
        "source criterion": [
            ("employee survey comments", "theme"),
            ("exit interview notes", "reason for leaving"),
            ("job applications", "seniority level"),
            ("employee questions to HR", "topic: pay, leave, benefits or policy"),
            ("internal job postings", "department"),
        ]
    },
)
hr.task(
    "rewrite",
    "rewrite {source} to be {how}",
    {
        "source how": [
            ("performance review comments", "more constructive"),
            ("job postings", "more inclusive"),
            ("rejection emails to candidates", "kinder"),
            ("HR policy documents", "easier to read"),
            ("workplace announcements", "clearer"),
        ]
    },
)
hr.task(
    "answer",
    "answer employee questions using {source}",
    {
        "source": [
            "the employee handbook",
            "the leave policy",
            "the benefits guide",
            "the expenses policy",
            "the remote work policy",
        ]
    },
)
hr.task(
    "grade",
    "score how well résumés match a {role} job description",
    {"role": ROLES},
    details=["Give a score from 1 to 10 and list the missing skills."],
)
hr.task(
    "write",
    "draft {letter}",
    {
        "letter": [
            "an offer letter",
            "a rejection email to an interviewed candidate",
            "a reference letter",
            "a warning letter about repeated lateness",
            "a promotion announcement",
            "a welcome email for new hires",
        ]
    },
    details=["Leave placeholders for names and dates."],
)

# --- marketing and e-commerce --------------------------------------------------------------------
marketing = Domain(
    "marketing and e-commerce",
    keywords=(
        "product",
        "marketing",
        "customer",
        "brand",
        "ad",
        "campaign",
        "SEO",
        "listing",
        "shop",
        "store",
        "e-commerce",
        "sales",
        "audience",
        "slogan",
        "tagline",
        "newsletter",
        "email",
        "page",
        "leads",
        "promotional",
        "caption",
        "selling",
        "business",
        "radio",
        "profile",
        "About Us",
        "reviews",
        "headlines",
        "taxonomy",
        "attributes",
        "labels",
    ),
    contexts=(
        "for a marketing agency",
        "for a small business",
        "for a marketing team",
        "for a freelance copywriter",
    ),
    personas=(
        "a marketing manager",
        "an e-commerce seller",
        "a copywriter",
        "a brand manager",
        "a growth marketer",
        "a small business owner",
    ),
)
PRODUCTS = [
    "wireless earbuds",
    "running shoes",
    "a standing desk",
    "organic coffee beans",
    "a smartwatch",
    "a yoga mat",
    "a robot vacuum",
    "a leather backpack",
    "scented candles",
    "a camping tent",
    "an electric toothbrush",
    "a cast-iron skillet",
    "noise-cancelling headphones",
    "a children's bike",
    "a skincare serum",
    "a board game",
    "a mechanical keyboard",
    "a reusable water bottle",
    "an air fryer",
    "a winter coat",
    "a dog bed",
    "a language-learning app",
    "a project management tool",
    "a meal-kit subscription",
    "a fitness tracker",
    "a gaming chair",
    "an e-reader",
    "a houseplant delivery service",
    "polarised sunglasses",
    "a travel pillow",
]
marketing.task(
    "write",
    "write a product description for {product}",
    {"product": PRODUCTS},
    details=["Highlight three benefits.", "Keep it under 100 words."],
)
marketing.task(
    "write",
    "write {n} ad headlines for {product}",
    {"n": ["three", "five", "ten"], "product": PRODUCTS},
    details=["Keep each headline under 30 characters."],
)
marketing.task(
    "write",
    "write an SEO meta description for a product page selling {product}",
    {"product": PRODUCTS},
    details=["Keep it under 155 characters."],
)
marketing.task("write", "write a tagline for {product}", {"product": PRODUCTS})
marketing.task(
    "write", "write a promotional email announcing a sale on {product}", {"product": PRODUCTS}
)
marketing.task(
    "extract",
    "extract {attrs} from {listings}",
    {
        "attrs listings": [
            ("size, colour and material", "clothing listings"),
            ("screen size, storage and RAM", "laptop listings"),
            ("dimensions and weight", "furniture listings"),
            ("ingredients and allergens", "food product labels"),
            ("wattage and capacity", "kitchen appliance listings"),
            ("brand, model and condition", "second-hand marketplace listings"),
        ]
    },
)
marketing.tasks(
    "classify",
    [
        "classify product titles into a store's category taxonomy",
        "classify customer reviews by the product aspect they discuss",
        "classify marketing emails by campaign type",
        "classify sales leads by buying intent",
        "classify product questions as pre-sale or post-sale",
    ],
)
marketing.task(
    "write",
    "write {content} for {business}",
    {
        "content": [
            "an About Us page",
            "a one-line slogan",
            "a newsletter introduction",
            "a Google Business profile description",
            "a short radio ad script",
        ],
        "business": [
            "a local bakery",
            "a yoga studio",
            "a SaaS startup",
            "a dental clinic",
            "a craft brewery",
            "an independent bookshop",
            "a plumbing business",
            "a wedding photographer",
        ],
    },
)
marketing.task(
    "write",
    "write a customer testimonial request email for {business}",
    {
        "business": [
            "a local bakery",
            "a yoga studio",
            "a SaaS startup",
            "a dental clinic",
            "a plumbing business",
            "a wedding photographer",
        ]
    },
)

# --- real estate ---------------------------------------------------------------------------------
real_estate = Domain(
    "real estate",
    keywords=(
        "property",
        "real estate",
        "listing",
        "home",
        "house",
        "apartment",
        "rent",
        "tenant",
        "landlord",
        "mortgage",
        "buyer",
        "bedroom",
        "lease",
        "estate",
        "flat",
        "cottage",
        "condo",
        "bungalow",
        "townhouse",
        "office space",
        "inspection",
        "rental",
        "HOA",
        "loft",
        "maintenance",
        "move-out",
    )
    + ("letting",),
    contexts=(
        "for an estate agency",
        "for a property management company",
        "for a letting agent",
        "for a property business",
    ),
    personas=(
        "an estate agent",
        "a landlord",
        "a property manager",
        "a first-time buyer",
        "a letting agent",
    ),
)
real_estate.task(
    "write",
    "write a listing description for {prop} from its features",
    {
        "prop": [
            "a two-bedroom apartment",
            "a family house with a garden",
            "a studio flat",
            "a rural cottage",
            "a loft conversion",
            "a beachfront condo",
            "a commercial office space",
            "a townhouse",
            "a retirement bungalow",
            "a student house share",
        ]
    },
    details=["Do not invent features that are not listed.", "Keep it under 150 words."],
)
real_estate.task(
    "extract",
    "extract {field} from property listings",
    {
        "field": [
            "the number of bedrooms and bathrooms",
            "the floor area",
            "the asking price",
            "the energy rating",
            "parking and garden details",
            "the pet policy",
        ]
    },
)
real_estate.tasks(
    "classify",
    [
        "classify maintenance requests from tenants by trade: plumbing, electrical, heating or general",
        "classify rental enquiries by how ready the tenant is to move",
        "classify property listings by property type",
        "classify reviews of letting agents as positive, negative or mixed",
    ],
)
real_estate.task(
    "write",
    "write {letter}",
    {
        "letter": [
            "a rent increase notice",
            "a welcome letter for new tenants",
            "a reply to a tenant's maintenance request",
            "a lease renewal offer",
            "a move-out inspection summary",
        ]
    },
)
real_estate.task(
    "calc",
    "calculate {what}",
    {
        "what": [
            "the rental yield of a property from its price and rent",
            "the price per square foot of a home",
            "pro-rated rent for a partial month",
            "the deposit needed for a mortgage at a given loan-to-value",
        ]
    },
)
real_estate.task(
    "summarise",
    "summarise {doc}",
    {
        "doc": [
            "home inspection reports, listing the urgent repairs",
            "lease agreements for tenants",
            "HOA rules for new residents",
            "property survey reports for buyers",
        ]
    },
)
real_estate.task("answer", "compare property listings against a buyer's criteria and rank them", {})

# --- insurance -----------------------------------------------------------------------------------
insurance = Domain(
    "insurance",
    keywords=(
        "insurance",
        "claim",
        "policy",
        "policies",
        "coverage",
        "premium",
        "insurer",
        "deductible",
        "excess",
        "underwriting",
        "policyholder",
        "loss",
    )
    + ("accident",),
    contexts=("for an insurance claims team", "for an insurance broker", "for an insurer"),
    personas=("a claims handler", "an insurance broker", "an underwriter", "a policyholder"),
)
insurance.task(
    "classify",
    "classify {claims} by {criterion}",
    {
        "claims": [
            "car insurance claims",
            "home insurance claims",
            "travel insurance claims",
            "health insurance claims",
            "pet insurance claims",
        ],
        "criterion": [
            "type of loss",
            "likely fraud risk",
            "complexity",
            "whether they are covered",
        ],
    },
)
insurance.task(
    "extract",
    "extract {field} from {doc}",
    {
        "field doc": [
            ("the date and location of the incident", "insurance claim forms"),
            ("the policy number and coverage limits", "insurance policy documents"),
            ("the damage described", "car accident reports"),
            ("the exclusions", "insurance policy wordings"),
            ("the items claimed and their values", "home contents claims"),
        ]
    },
)
insurance.task(
    "explain",
    "explain {what} in plain language for policyholders",
    {
        "what": [
            "policy exclusions",
            "deductibles and excess",
            "coverage limits",
            "the claims process",
            "renewal terms",
            "no-claims discounts",
        ]
    },
)
insurance.task(
    "write",
    "write {what}",
    {
        "what": [
            "letters explaining a claim decision to policyholders",
            "a first notice of loss summary from a phone call transcript",
            "requests for missing claim documents",
        ]
    },
)
insurance.task(
    "answer",
    "answer policyholder questions using {policy}",
    {
        "policy": [
            "a car insurance policy",
            "a home insurance policy",
            "a travel insurance policy",
            "a pet insurance policy",
        ]
    },
)

# --- public services -----------------------------------------------------------------------------
public = Domain(
    "public services",
    keywords=(
        "government",
        "public",
        "council",
        "citizen",
        "benefit",
        "permit",
        "residents",
        "resident",
        "planning",
        "voting",
        "freedom of information",
        "service requests",
        "legislation",
        "consultation",
        "tax guidance",
        "public health",
    ),
    contexts=("for a city council", "for a government digital service", "for a local authority"),
    personas=(
        "a council officer",
        "a policy adviser",
        "a civil servant",
        "a citizens advice volunteer",
    ),
)
public.task(
    "rewrite",
    "rewrite {doc} in plain language for residents",
    {
        "doc": [
            "council notices",
            "benefit eligibility rules",
            "planning permission guidance",
            "tax guidance",
            "voting instructions",
            "public health advice",
        ]
    },
)
public.tasks(
    "classify",
    [
        "classify resident complaints by the council department responsible",
        "classify freedom of information requests by topic",
        "classify city service requests by type, such as potholes, noise or waste collection",
    ],
)
public.task(
    "extract",
    "extract {field} from {doc}",
    {
        "field doc": [
            ("applicant details", "permit applications"),
            ("deadlines", "government guidance documents"),
            ("key decisions", "council meeting minutes"),
            ("eligibility criteria", "benefit guidance"),
        ]
    },
)
public.task(
    "summarise",
    "summarise {doc}",
    {
        "doc": [
            "public consultation responses into themes",
            "legislation bills, listing what they change",
            "council meeting minutes for residents",
            "government budget announcements",
        ]
    },
)

# --- education -----------------------------------------------------------------------------------
education = Domain(
    "education",
    keywords=(
        "student",
        "teacher",
        "quiz",
        "lesson",
        "question",
        "exam",
        "school",
        "class",
        "learning",
        "course",
        "homework",
        "grade",
        "curriculum",
        "flashcards",
        "essay",
        "textbook",
        "lecture",
        "pupils",
        "tutor",
        "learners",
        "practice problems",
        "rubric",
        "assignments",
        "graders",
        "readers",
    )
    + (
        "feedback",
        "creative writing",
        "lab reports",
        "presentation",
    ),
    contexts=(
        "for a secondary school",
        "for an online course",
        "for a tutoring company",
        "for a university department",
    ),
    personas=(
        "a teacher",
        "a university lecturer",
        "a homeschooling parent",
        "a teaching assistant",
        "an instructional designer",
    ),
)
SUBJECTS = [
    "algebra",
    "biology",
    "chemistry",
    "world history",
    "geography",
    "English grammar",
    "physics",
    "economics",
    "computer science",
    "art history",
    "music theory",
    "statistics",
    "psychology",
    "philosophy",
]
education.task(
    "write",
    "generate {qtype} quiz questions from {subject} {source}",
    {
        "qtype": ["multiple-choice", "true/false", "short-answer", "fill-in-the-blank"],
        "subject": SUBJECTS,
        "source": ["textbook passages", "lecture notes"],
    },
    details=["Include the answer key."],
)
education.task(
    "grade",
    "grade short answers to {subject} questions against a model answer",
    {"subject": SUBJECTS},
    details=["Give a mark out of 5 and one line of feedback."],
)
education.task(
    "grade",
    "grade {work} using {rubric}",
    {
        "work": ["persuasive essays", "lab reports", "book reports"],
        "rubric": ["a four-point rubric", "a rubric supplied by the teacher"],
    },
)
education.task(
    "explain",
    "explain {subject} concepts step by step for {level}",
    {
        "subject": SUBJECTS,
        "level": [
            "middle school students",
            "high school students",
            "first-year university students",
            "adult learners",
        ],
    },
)
education.task("write", "create flashcards from {subject} lecture notes", {"subject": SUBJECTS})
education.task(
    "plan",
    "write a lesson plan on {topic} for {grade}",
    {
        "topic": [
            "fractions",
            "photosynthesis",
            "the French Revolution",
            "persuasive writing",
            "the water cycle",
            "loops in programming",
            "climate change",
            "the solar system",
        ],
        "grade": ["Year 4 pupils", "eighth graders", "high school seniors"],
    },
)
education.task(
    "classify",
    "classify exam questions by {criterion}",
    {"criterion": ["Bloom's taxonomy level", "difficulty", "topic", "question type"]},
)
education.task(
    "grade",
    "write constructive feedback on {work}",
    {
        "work": [
            "student essays",
            "coding assignments",
            "lab reports",
            "presentation slides",
            "creative writing pieces",
        ]
    },
)
education.task(
    "write",
    "create practice problems on {topic}",
    {
        "topic": [
            "long division",
            "solving linear equations",
            "the Pythagorean theorem",
            "basic probability",
            "balancing chemical equations",
            "Spanish verb conjugation",
            "reading bar charts",
            "map coordinates",
        ]
    },
    details=["Put the answers at the end.", "Increase the difficulty gradually."],
)
education.task(
    "rewrite",
    "adapt {text} for {readers}",
    {
        "text": ["reading passages", "science articles", "history texts"],
        "readers": ["students with dyslexia", "English language learners", "advanced readers"],
    },
)

DOMAINS = [
    legal,
    medical,
    finance,
    support,
    hr,
    marketing,
    real_estate,
    insurance,
    public,
    education,
]
