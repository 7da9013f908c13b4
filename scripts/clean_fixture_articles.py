"""Articles written for factbox's cleaner fixtures (original text, written for this project).

Each article: title, author, date (ISO) and paragraphs. A paragraph starting with "## " is a
subheading, "- " a list item, ">" a one-line quote; they are rendered without the marker.
"""

ARTICLES = [
    {
        "title": "Town library extends opening hours for exam season",
        "author": "Maria Okafor",
        "date": "2023-05-02",
        "paras": [
            "The central library in Westbrook will stay open until ten o'clock every weekday "
            "from next Monday, the council said on Tuesday.",
            "The change follows a petition signed by more than 900 students who said they had "
            "nowhere quiet to revise in the evenings.",
            "\"We listened,\" said councillor Ruth Adams. \"The building is warm, it is safe, "
            "and it should be used.\"",
            "## Extra staff",
            "Two additional staff members will cover the late shifts. The council estimates the "
            "cost at about 14,000 pounds for the six-week trial.",
            "Study rooms on the second floor can be booked online up to three days in advance.",
            "The trial ends on June 16.",
        ],
    },
    {
        "title": "Volunteers pull two tonnes of rubbish from the Avon",
        "author": "Daniel Price",
        "date": "2022-09-18",
        "paras": [
            "More than 120 volunteers spent Saturday morning wading through the shallows of the "
            "river Avon, collecting shopping trolleys, tyres and hundreds of plastic bottles.",
            "The clean-up was organised by a local rowing club whose members had grown tired of "
            "steering around the debris during training.",
            "It was the third event of its kind this year.",
            "Organiser Priya Shah said the most unusual find was a bicycle that had been in the "
            "water for so long that fish had made a home in its frame.",
            "The club plans to repeat the event in the spring and hopes to double the number of "
            "volunteers.",
        ],
    },
    {
        "title": "How to keep basil alive on a windowsill",
        "author": "Lena Fischer",
        "date": "2021-06-14",
        "paras": [
            "Supermarket basil is sold as a crowded pot of seedlings, and that is the main reason "
            "it dies within a week of coming home.",
            "## Split the pot",
            "Gently divide the root ball into three or four clumps and give each its own pot. "
            "The plants stop competing for water and light.",
            "## Water from below",
            "Stand the pots in a saucer of water for twenty minutes, then let them drain. Wet "
            "leaves in a cool kitchen invite mould.",
            "## Pinch, do not pluck",
            "Harvest by pinching off the top pair of leaves above a node. The plant will branch "
            "and become bushier.",
            "What you will need:",
            "- three small pots with drainage holes",
            "- multipurpose compost",
            "- a sunny, draught-free windowsill",
            "With a little care, one pot can last the whole summer.",
        ],
    },
    {
        "title": "Regional rail operator orders twelve battery trains",
        "author": "Tomás Ruiz",
        "date": "2024-01-30",
        "paras": [
            "The operator of the northern valley lines has ordered twelve battery-electric trains "
            "to replace its ageing diesel fleet by 2027.",
            "The trains will charge under existing overhead wires on the main line and run on "
            "battery power on the branch lines, which are not electrified.",
            "The contract is worth about 180 million euros.",
            "Passenger groups welcomed the order but warned that the timetable would only improve "
            "if the single-track sections were also upgraded.",
            "\"New trains on old track will not get anyone to work faster,\" said Anna Berg of "
            "the Valley Passengers' Association.",
            "The first train is due to be tested next year.",
        ],
    },
    {
        "title": "School gardens: what children learn when they grow their own lunch",
        "author": "Grace Mensah",
        "date": "2023-10-12",
        "paras": [
            "At Hillside Primary, lunch on Fridays includes whatever the Year 5 class has "
            "harvested that week.",
            "This week it was beans.",
            "Teachers say the garden has changed how pupils talk about food. Children who would "
            "not touch a vegetable now argue about whose courgette is the biggest.",
            "The project costs very little. Seeds are donated by a garden centre, and parents "
            "built the raised beds over two weekends.",
            "Research on school gardens is mixed, but several studies have found that pupils who "
            "grow vegetables are more willing to taste them.",
            "Head teacher Simon Clarke is not waiting for more studies. \"They are outside, they "
            "are working together, and they are eating beans,\" he said.",
        ],
    },
    {
        "title": "City council approves new cycle lanes on Market Street",
        "author": "Oliver Grant",
        "date": "2022-03-08",
        "paras": [
            "Market Street will get protected cycle lanes in both directions after the city "
            "council voted 31 to 12 in favour on Monday night.",
            "The scheme removes 40 parking spaces and narrows the road to one lane each way.",
            "Shop owners had opposed the plan, saying customers would stop coming if they could "
            "not park outside.",
            "Supporters pointed to a survey which found that most shoppers on the street arrive "
            "on foot or by bus.",
            "Construction is expected to begin in July and take about four months.",
        ],
    },
    {
        "title": "A beginner's guide to reading a nutrition label",
        "author": "Hannah Lee",
        "date": "2020-11-23",
        "paras": [
            "Nutrition labels look complicated, but most of the useful information is in three "
            "places.",
            "## Serving size",
            "Every number on the label refers to one serving. If you eat the whole packet, "
            "multiply accordingly.",
            "## Sugars and salt",
            "Many labels use traffic-light colours. Red means high, amber medium and green low.",
            "## The ingredients list",
            "Ingredients are listed by weight, largest first. If sugar is near the top, there is "
            "a lot of it.",
            "That is really all there is to it.",
        ],
    },
    {
        "title": "Museum returns carved panels to their home village",
        "author": "Ahmed Karimi",
        "date": "2023-07-21",
        "paras": [
            "Four carved wooden panels that spent almost a century in a city museum were returned "
            "on Thursday to the village where they were made.",
            "The panels once decorated the doors of the village meeting house. They were sold in "
            "1928, when the building was being repaired, and later donated to the museum.",
            "Elders greeted the return with songs and a shared meal.",
            "The museum's director said the decision had taken two years of conversations with "
            "the village council and was \"simply the right thing to do\".",
            "The panels will be displayed in a new room built for them next to the meeting house.",
        ],
    },
    {
        "title": "Heatwave warning issued for the weekend",
        "author": "Sophie Turner",
        "date": "2022-07-15",
        "paras": [
            "Forecasters have issued an amber heat warning for Saturday and Sunday, with "
            "temperatures expected to reach 34 degrees in the south.",
            "Health officials advise people to stay out of the sun between 11 a.m. and 3 p.m., "
            "drink plenty of water and check on elderly neighbours.",
            "Some train services will run at reduced speed because of the risk of rails buckling.",
            "Cooler air is expected to arrive on Monday.",
        ],
    },
    {
        "title": "Why your sourdough starter smells of nail varnish",
        "author": "Ben Carter",
        "date": "2021-02-09",
        "paras": [
            "If your starter smells sharp, like nail varnish remover, it is hungry.",
            "The smell comes from acetone-like compounds that yeast and bacteria produce when "
            "they run out of fresh flour.",
            "Feed it more often, or feed it a larger amount each time. Within a day or two the "
            "smell should turn mild and yoghurty again.",
            "A layer of grey liquid on top is also harmless. Pour it off or stir it back in.",
            "Pink or orange streaks are a different matter: throw the starter away and begin "
            "again.",
        ],
    },
    {
        "title": "Small island bets on seaweed farming",
        "author": "Isla MacLeod",
        "date": "2024-04-04",
        "paras": [
            "On a grey morning off the west coast, two boats haul ropes heavy with brown kelp out "
            "of the water.",
            "The farm is one of five started on the island in the last three years. Together they "
            "employ eleven people, which matters on an island of 600.",
            "Seaweed needs no fertiliser, no fresh water and no feed. It grows over the winter, "
            "when there is little other work.",
            "The harvest is dried and sold to food and cosmetics companies on the mainland.",
            "\"It is not going to make anyone rich,\" said farmer Callum Morrison. \"But it keeps "
            "people here.\"",
        ],
    },
    {
        "title": "Chess club for older adults celebrates tenth year",
        "author": "Ruth Abrams",
        "date": "2023-03-19",
        "paras": [
            "Every Wednesday afternoon, the back room of the community centre falls silent apart "
            "from the click of chess clocks.",
            "The club was founded in 2013 by a retired maths teacher who wanted somewhere to play "
            "after his regular partner moved away. It now has 45 members, the oldest of them 93.",
            "Members say the games keep their minds sharp, but the tea and conversation matter "
            "just as much.",
            "The club is holding an open day next month for anyone who would like to learn.",
        ],
    },
    {
        "title": "Five questions to ask before adopting a dog",
        "author": "Emily Hart",
        "date": "2022-12-01",
        "paras": [
            "Rescue centres see a rise in returned dogs every January. Asking a few honest "
            "questions first can prevent heartbreak on both sides.",
            "1. Who will walk the dog when it rains?",
            "2. Can you afford vet bills as well as food?",
            "3. Is anyone at home allergic?",
            "4. What happens to the dog when you go on holiday?",
            "5. Does your landlord allow pets?",
            "If you can answer all five, visit a rescue centre and talk to the staff. They know "
            "their dogs well and will help you find a good match.",
        ],
    },
    {
        "title": "Farmers test drones to count sheep on the hills",
        "author": "Gareth Jones",
        "date": "2021-09-27",
        "paras": [
            "Counting sheep on a steep hillside used to take a farmer and two dogs most of a day.",
            "A trial on three upland farms is testing whether a small drone with a thermal camera "
            "can do the job in under an hour.",
            "Early results are promising. The software counted flocks of several hundred with an "
            "error of less than two per cent.",
            "Farmers remain cautious. The drones struggle in strong wind, which on these hills is "
            "most days.",
            "The trial runs until next summer.",
        ],
    },
    {
        "title": "The quiet return of the repair café",
        "author": "Nadia Rossi",
        "date": "2024-02-11",
        "paras": [
            "On the first Saturday of each month, a church hall fills with broken toasters, "
            "wobbly chairs and jeans with holes in the knees.",
            "Volunteers with screwdrivers and sewing machines fix what they can for free. Visitors "
            "are expected to watch, and ideally to learn.",
            "Last year the café repaired 412 items, according to its own records.",
            "Not everything can be saved. Some modern appliances are glued shut and cannot be "
            "opened without breaking them.",
            "\"That is the part that makes us angry,\" said volunteer Peter Novak. \"Things should "
            "be made to be mended.\"",
        ],
    },
    {
        "title": "New footbridge links two halves of the old harbour",
        "author": "Claire Dubois",
        "date": "2023-08-05",
        "paras": [
            "A steel footbridge opened on Friday across the old harbour, cutting the walk between "
            "the station and the fish market from twenty minutes to five.",
            "The bridge swings open to let boats through. It takes about ninety seconds to open "
            "and close.",
            "Hundreds of people crossed it in the first hour.",
            "The project was delayed by a year after engineers found the harbour wall was weaker "
            "than expected.",
        ],
    },
    {
        "title": "What the new bus timetable means for night workers",
        "author": "Kwame Boateng",
        "date": "2022-05-16",
        "paras": [
            "The new timetable, which starts on Sunday, adds buses after midnight on four routes "
            "and removes them from two others.",
            "Hospital staff on the east side are the biggest winners. Route 7 will now run every "
            "thirty minutes through the night.",
            "Residents of the western estates are less happy. Their night service has been cut "
            "to one bus an hour.",
            "## What changes",
            "- Route 7: every 30 minutes all night",
            "- Route 12: last bus at 00:40 instead of 01:40",
            "- Route 15: new night service on Fridays and Saturdays",
            "The operator says it will review the changes in six months.",
        ],
    },
    {
        "title": "Students build a weather station on the school roof",
        "author": "Aiko Tanaka",
        "date": "2020-10-09",
        "paras": [
            "A group of sixth-form students has built a weather station that sends readings to "
            "the school website every five minutes.",
            "The station measures temperature, humidity, wind speed and rainfall. It cost less "
            "than 200 pounds in parts.",
            "The hardest part was waterproofing.",
            "The students now use the data in geography and physics lessons, and a local radio "
            "station has asked to use it in its forecasts.",
        ],
    },
    {
        "title": "Bakery trains refugees as pastry chefs",
        "author": "Sara Lindqvist",
        "date": "2023-11-28",
        "paras": [
            "Behind the counter of a small bakery near the station, six trainees are learning to "
            "laminate dough for croissants.",
            "The bakery runs a twelve-week course for refugees who want to work in food. Graduates "
            "receive a recognised certificate and help finding a job.",
            "Many of the trainees were cooks or bakers before they fled their countries. What they "
            "lack is local experience and the language of a professional kitchen.",
            "\"Butter is the same everywhere,\" said trainee Yusuf Haddad. \"The words are not.\"",
            "Of the 30 people who have finished the course, 24 are now in work.",
        ],
    },
    {
        "title": "Lost wedding ring found in a field after forty years",
        "author": "Tom Whitfield",
        "date": "2021-04-16",
        "paras": [
            "A gold wedding ring lost while harvesting potatoes in 1981 has been returned to its "
            "owner after a metal detectorist found it in the same field.",
            "The ring is engraved with the couple's initials and their wedding date, which helped "
            "the detectorist trace the family through a local history group.",
            "Its owner, now 86, said she had never expected to see it again.",
            "\"I cried,\" she said. \"Then I put it straight back on.\"",
        ],
    },
    {
        "title": "Scientists map the songs of a rare woodland bird",
        "author": "Julia Novak",
        "date": "2024-06-03",
        "paras": [
            "Researchers have recorded more than 3,000 songs of the wood warbler and found that "
            "birds in different valleys sing noticeably different versions.",
            "The team placed small recorders in 40 woods over two breeding seasons.",
            "Young males appear to learn their songs from neighbours rather than from their "
            "fathers, which could explain the local dialects.",
            "The wood warbler has declined sharply in recent decades. The researchers hope the "
            "recordings will help volunteers find and count the birds.",
        ],
    },
]
