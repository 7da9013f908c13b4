"""Invented news articles (a harbour town that does not exist) shared by the cleaner tests:
their paragraphs are the body that the tests wrap in boilerplate and expect back."""

from __future__ import annotations

HARBOUR_TITLE = "Harbour pier to be rebuilt"
HARBOUR_OPENING = [
    "The harbour board voted on Tuesday to rebuild the old stone pier before the summer season "
    "begins, after engineers found cracks along most of its length.",
    "Work will start in March and should take about eleven weeks, the board said in a statement "
    "published on its website.",
    "Fishing boats will use the eastern quay while the pier is closed, and the ferry will move "
    "to the temporary pontoon beside the lifeboat station.",
]
HARBOUR_COST = (
    "The rebuild will cost about two million pounds, most of it paid by a government grant for "
    "coastal towns that was announced last year."
)
TRADERS_RELIEVED = (
    "Local traders said they were relieved that the work would be finished before the busiest "
    "weeks of the year, when visitors fill the town."
)
TRADERS_WELCOME = (
    "Local traders said they welcomed the work but asked the board to keep the promenade open "
    "during the school holidays."
)
PUBLIC_MEETING = (
    "A public meeting about the plans will be held at the town hall on the first Monday of next "
    "month, and everyone is welcome to attend."
)

# the second invented article of the metadata tests: a library opens in the same town
LIBRARY_HEADLINE = "Harbour Town Opens Its New Library"
LIBRARY_BODY = [
    "The new library in Harbour Town opened its doors on Monday after two years of building "
    "work, and more than four hundred readers came in on the first morning.",
    "The town council paid for most of the library, with help from a local trust that also "
    "bought the first ten thousand books for the shelves.",
    "Readers said the library was bright and quiet, and many of them signed up for a card "
    "before they left the building.",
]
LIBRARY_HOURS = (
    "The library will open every day except Sunday, and the council plans a reading club for "
    "children in the spring, with stories on Saturday mornings in the big room by the sea."
)
MENU = ["Home", "News", "Sport", "Weather"]

# an invented German article about the same harbour (the language tests' German page)
HAFEN_TITLE = "Neue Mole für den Hafen"
HAFEN_DE = [
    "Der Hafenrat hat am Dienstag beschlossen, die alte Steinmole vor dem Sommer neu zu bauen, "
    "nachdem Ingenieure Risse auf fast der ganzen Länge gefunden hatten.",
    "Die Arbeiten beginnen im März und sollen etwa elf Wochen dauern, wie der Rat in einer "
    "Mitteilung auf seiner Webseite schrieb.",
    "Die Fischerboote nutzen in dieser Zeit den östlichen Kai, und die Fähre legt an dem neuen "
    "Ponton neben der Rettungsstation an.",
    "Die Händler am Hafen sind froh, dass die Arbeiten vor den Ferien fertig sein sollen, wenn "
    "die meisten Gäste in die Stadt kommen.",
]
