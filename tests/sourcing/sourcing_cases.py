"""Case files for the sourcing rules: texts each rule must flag and must not flag.

Written for these tests (English and Spanish news-style prose, varied structures).
Each "flag" text must produce at least one finding of the rule; each "pass" text none.
"""

SRC001 = {
    "flag": [
        "Deportations from Los Angeles rose 27% last year.",
        "The county spent $4.5 million on overtime in 2023, double the previous budget.",
        "More than 3,000 students left the district after the policy took effect.",
        "Rents in the city have increased by 18 percent since the pandemic began.",
        "The program now serves 12,500 families across three counties.",
        "Unemployment fell to 3.9 percent in March, the lowest level in two decades.",
        "Homicides doubled in the northern districts between 2019 and 2022.",
        "The new terminal will cost taxpayers an estimated €2.3bn.",
        "El desempleo juvenil subió al 27 por ciento en el último trimestre.",
        "La ciudad invirtió 3 millones de dólares en nuevas patrullas.",
        "Más de 1.500 familias fueron desalojadas durante el invierno.",
        "Los precios de la vivienda aumentaron un 12% en Madrid.",
        "City | Change\n---|---\nLos Angeles | 27%\nChicago | 22%",
        "Region\tCases\tDeaths\nNorth\t1,204\t33\nSouth\t987\t21",
        "Experts believe the true number of victims is closer to 5,000.",
        "Some say as many as 2 million people could lose coverage.",
        "Se dice que más de 400 agentes participaron en el operativo.",
    ],
    "pass": [
        "Deportations from Los Angeles rose 27% last year, according to ICE data.",
        "The county spent $4.5 million on overtime in 2023, the auditor's report found.",
        "More than 3,000 students left the district, Superintendent Ana Ruiz told the school board.",
        "“Rents have increased by 18 percent since the pandemic began,” said Maria Lopez, a tenant organizer.",
        "The program now serves 12,500 families across three counties, the agency said in a statement.",
        "Unemployment fell to 3.9 percent in March, the Labor Department reported Friday.",
        "A Pew Research Center survey found that 40% of adults get news from social media.",
        "Census figures show the population grew by 250,000 people.",
        "According to the Sacramento Bee, the city spent $2 million on the program.",
        "Officials said at least 14 people were injured in the blast.",
        "Police estimated the crowd at 20,000.",
        "Bonta and at least 11 attorneys general stated in a joint letter that the threats were illegal.",
        "The report listed the following changes:\n\n1) A 10% cut in staff.\n\n2) An increase of 5,000 officers.",
        "Deportations rose 27% last year. That is according to figures released by ICE.",
        "Deportations rose 27% last year, the agency said.",
        "Smith said the budget would grow. “We expect a 12% increase next year,” he added.",
        "City | Change\n---|---\nLos Angeles | 27%\nChicago | 22%\nSource: ICE enforcement data",
        "El desempleo juvenil subió al 27 por ciento, según el Instituto Nacional de Estadística.",
        "La ciudad invirtió 3 millones de dólares en nuevas patrullas, informó el alcalde Juan Pérez.",
        "“Más de 1.500 familias fueron desalojadas”, dijo la concejala Rosa Díaz.",
        "De acuerdo con datos del INEGI, los precios aumentaron un 12%.",
        "Los precios de la vivienda aumentaron un 12% en Madrid, señaló el portal Idealista en su informe anual.",
        # Not statistics at all.
        "Senate Bill 54 was signed into law in October 2017.",
        "The hearing is scheduled for 10:30 a.m. on Jan. 5 in Room 201.",
        "John Smith, 45, of Fresno was arrested on Highway 99.",
        "The 21st-century economy relies on COVID-19 era loans under Title 42 and AB4.",
        "The president's Day 1 actions included three executive orders.",
        "1) Review the policy.\n2) Publish the memo.",
        "He served 10 years in the Army before joining the force in 1998.",
        "El 5 de enero de 2020, la asambleísta presentó la ley AB4 a las 24 horas del anuncio.",
    ],
}

SRC002 = {
    "flag": [
        "The mayor was in a hurry. “We will not cooperate with federal agents under any circumstances, ever.”",
        "“This program has been a disaster for working families and it must end now,” read a banner at the rally.",
        "«Las autoridades no han hecho nada para proteger a los vecinos del barrio», se leía en la pancarta.",
    ],
    "pass": [
        "“We will not cooperate with federal agents under any circumstances,” said Sheriff Lee Baca.",
        "Sheriff Lee Baca said: “We will not cooperate with federal agents under any circumstances.”",
        "The program known as “Secure Communities” is voluntary.",
        "She called the memo “a scare tactic” and “an attempt to bully” local police.",
        "“Este anuncio deja en claro que el gobierno federal no puede obligar a los sheriffs”, precisó la procuradora.",
        "«No vamos a colaborar con las redadas bajo ninguna circunstancia», afirmó el alcalde.",
        "Harris commented on the directives, saying:\n\n“The plan is an affront to our values as Americans and will"
        " strike fear in our communities.\n\n“We will never be the country we aspire to be.”",
        "The statement, the Bee noted, read: “The president has made troubling threats to weaponize the"
        " department.\n\n“Right now, these vague threats are just empty words on paper.”",
    ],
}

SRC003 = {
    "flag": [
        "Critics argue the policy will backfire on immigrant communities.",
        "Some say the sheriff's decision does not go far enough.",
        "It is believed that the agency has already started the raids.",
        "Experts believe the measure is unconstitutional.",
        "A memo asserts that state and local officials are bound to cooperate.",
        "Se dice que el alcalde renunciará la próxima semana.",
        "Algunos creen que la medida es inconstitucional.",
        "Según expertos, la medida es inconstitucional.",
        "Some even said that the decision does not go far enough.",
        "Many believe the raids have already started.",
        "Some economists warn that the city could face a deficit next year.",
        "Many residents fear the new rules will raise rents.",
        "Algunos expertos creen que la medida fracasará.",
    ],
    "pass": [
        "Critics of the plan, including Mayor Karen Bass, said it would backfire.",
        "The memo, first reported by Bloomberg Law News, stated that officials must comply.",
        "An internal NYPD memo by Commissioner Jessica Tisch reminds officers not to assist.",
        "Según el fiscal general Xavier Becerra, la medida es inconstitucional.",
        "The council said it would vote on the measure next week.",
        "Some 40 economists surveyed by Reuters said rates would fall in March.",
    ],
}

SRC004 = {
    "flag": [
        "U.S. attorneys' offices were told to investigate any official who defies federal immigration enforcement.",
        "Border agents have been ordered to stop processing asylum claims.",
        "A los agentes se les ordenó detener a cualquier persona sin documentos.",
    ],
    "pass": [
        "U.S. attorneys' offices were told to investigate officials, according to a Justice Department memo.",
        "Border agents were ordered by the secretary to stop processing asylum claims, the Post reported.",
        "The council voted to extend the program, the mayor said.",
    ],
}

SRC005 = {
    "flag": [
        "Donald Trump is leaning on agencies besides Immigration and Customs Enforcement to help execute his promise."
        "\nThe president's actions included directives that fly in the face of legal limits on the military."
        "\nThe Justice Department is directing its prosecutors to investigate any state or local officials."
        "\nPresident Donald Trump signed more executive orders aimed at shutting down the southern border.",
    ],
    "pass": [
        "The Sacramento Police Department joined other cities in refusing to cooperate with ICE."
        " According to the Sacramento Bee, the department will not change its policy."
        " “We will continue to serve all members of our community,” said Chief Kathy Lester."
        " The Justice Department is directing prosecutors to investigate local officials.",
        "Short note about Los Angeles.",
    ],
}

CASES = {"SRC001": SRC001, "SRC002": SRC002, "SRC003": SRC003, "SRC004": SRC004, "SRC005": SRC005}
