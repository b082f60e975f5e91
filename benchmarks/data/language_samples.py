"""A small labelled multilingual set written for the language benchmark.

All texts were written for this project (news-style prose, none copied from a
corpus). ``SENTENCES``: sentence-length texts per language; ``SHORT``: 1-4 word
texts (headlines, labels); ``ENGLISH_PARAGRAPHS``: English news paragraphs full of
names, places, quotes, numbers and foreign proper nouns, used both as the English
hosts of mixed documents and to measure false findings; ``FOREIGN_HEADLINES``: short
headline lines per language placed above an inserted foreign paragraph.
"""

SENTENCES: dict[str, list[str]] = {
    "en": [
        "The city council approved the new housing budget on Tuesday after a long debate.",
        "Officials said the bridge would remain closed until engineers finish their inspection.",
        "Heavy rain is expected across the region through the weekend, forecasters warned.",
        "The company reported higher profits despite a sharp rise in energy costs.",
        "Parents gathered outside the school to protest the decision to cut music classes.",
        "The minister declined to comment on reports that she would resign next month.",
        "Volunteers spent the morning cleaning up litter along the river bank.",
        "The museum will extend its opening hours during the summer holidays.",
    ],
    "es": [
        "El ayuntamiento aprobó el martes el nuevo presupuesto de vivienda tras un largo debate.",
        "Las autoridades informaron de que el puente seguirá cerrado hasta que terminen las obras.",
        "Se esperan fuertes lluvias en toda la región durante el fin de semana, según los meteorólogos.",
        "La empresa registró mayores beneficios pese al fuerte aumento de los costes de la energía.",
        "Los padres se reunieron frente a la escuela para protestar contra el recorte de las clases.",
        "La ministra no quiso comentar las informaciones sobre su posible dimisión el próximo mes.",
        "Decenas de voluntarios pasaron la mañana limpiando basura a orillas del río.",
        "El museo ampliará su horario de apertura durante las vacaciones de verano.",
    ],
    "fr": [
        "Le conseil municipal a adopté mardi le nouveau budget du logement après un long débat.",
        "Les autorités ont indiqué que le pont resterait fermé jusqu'à la fin de l'inspection.",
        "De fortes pluies sont attendues dans toute la région ce week-end, selon les prévisionnistes.",
        "L'entreprise a annoncé des bénéfices en hausse malgré la flambée des prix de l'énergie.",
        "Des parents se sont rassemblés devant l'école pour protester contre la suppression des cours.",
        "La ministre a refusé de commenter les rumeurs sur sa démission le mois prochain.",
        "Des bénévoles ont passé la matinée à ramasser des déchets au bord de la rivière.",
        "Le musée prolongera ses horaires d'ouverture pendant les vacances d'été.",
    ],
    "de": [
        "Der Stadtrat hat am Dienstag nach langer Debatte den neuen Wohnungsetat beschlossen.",
        "Die Behörden erklärten, die Brücke bleibe gesperrt, bis die Prüfung abgeschlossen sei.",
        "Meteorologen erwarten für das ganze Wochenende kräftige Regenfälle in der Region.",
        "Das Unternehmen meldete trotz stark gestiegener Energiekosten einen höheren Gewinn.",
        "Eltern versammelten sich vor der Schule, um gegen die Streichung des Musikunterrichts zu protestieren.",
        "Die Ministerin wollte Berichte über ihren möglichen Rücktritt nicht kommentieren.",
        "Freiwillige sammelten den ganzen Vormittag Müll am Ufer des Flusses.",
        "Das Museum verlängert in den Sommerferien seine Öffnungszeiten.",
    ],
    "it": [
        "Il consiglio comunale ha approvato martedì il nuovo bilancio per la casa dopo un lungo dibattito.",
        "Le autorità hanno detto che il ponte resterà chiuso fino alla fine dei controlli.",
        "Sono previste forti piogge in tutta la regione per il fine settimana, avvertono i meteorologi.",
        "L'azienda ha registrato utili in crescita nonostante il forte aumento dei costi energetici.",
        "I genitori si sono radunati davanti alla scuola per protestare contro il taglio delle lezioni.",
        "La ministra si è rifiutata di commentare le voci sulle sue dimissioni il mese prossimo.",
        "I volontari hanno trascorso la mattinata a raccogliere rifiuti lungo la riva del fiume.",
        "Il museo prolungherà l'orario di apertura durante le vacanze estive.",
    ],
    "pt": [
        "A câmara municipal aprovou na terça-feira o novo orçamento para a habitação após um longo debate.",
        "As autoridades disseram que a ponte vai continuar fechada até ao fim da inspeção.",
        "São esperadas chuvas fortes em toda a região durante o fim de semana, segundo os meteorologistas.",
        "A empresa registou lucros mais altos apesar do forte aumento dos custos da energia.",
        "Os pais juntaram-se em frente à escola para protestar contra o corte das aulas de música.",
        "A ministra recusou comentar as notícias sobre a sua possível demissão no próximo mês.",
        "Os voluntários passaram a manhã a apanhar lixo na margem do rio.",
        "O museu vai alargar o horário de abertura durante as férias de verão.",
    ],
    "nl": [
        "De gemeenteraad heeft dinsdag na een lang debat de nieuwe woningbegroting goedgekeurd.",
        "De autoriteiten zeiden dat de brug gesloten blijft tot de inspectie is afgerond.",
        "Volgens weerkundigen wordt het hele weekend zware regen verwacht in de regio.",
        "Het bedrijf boekte hogere winsten ondanks de sterk gestegen energiekosten.",
        "Ouders verzamelden zich voor de school om te protesteren tegen het schrappen van de muzieklessen.",
        "De minister wilde niet reageren op berichten dat ze volgende maand zou aftreden.",
        "Vrijwilligers waren de hele ochtend bezig met het opruimen van afval langs de rivier.",
        "Het museum verlengt tijdens de zomervakantie zijn openingstijden.",
    ],
    "ca": [
        "L'ajuntament va aprovar dimarts el nou pressupost d'habitatge després d'un llarg debat.",
        "Les autoritats van dir que el pont continuarà tancat fins que acabi la inspecció.",
        "Els meteoròlegs preveuen pluges intenses a tota la regió durant el cap de setmana.",
        "L'empresa va registrar més beneficis malgrat el fort augment dels costos de l'energia.",
        "Els pares es van concentrar davant l'escola per protestar contra la retallada de les classes.",
        "La ministra no va voler comentar les informacions sobre la seva possible dimissió.",
        "Els voluntaris van passar el matí recollint escombraries a la vora del riu.",
        "El museu allargarà l'horari d'obertura durant les vacances d'estiu.",
    ],
    "pl": [
        "Rada miasta po długiej debacie zatwierdziła we wtorek nowy budżet mieszkaniowy.",
        "Władze poinformowały, że most pozostanie zamknięty do zakończenia kontroli.",
        "Synoptycy zapowiadają intensywne opady deszczu w całym regionie przez cały weekend.",
        "Firma odnotowała wyższe zyski mimo gwałtownego wzrostu kosztów energii.",
        "Rodzice zebrali się przed szkołą, aby zaprotestować przeciwko likwidacji lekcji muzyki.",
        "Minister odmówiła komentarza w sprawie doniesień o swojej dymisji w przyszłym miesiącu.",
        "Wolontariusze spędzili cały ranek na sprzątaniu śmieci nad brzegiem rzeki.",
        "Muzeum wydłuży godziny otwarcia w czasie wakacji letnich.",
    ],
    "ru": [
        "Городской совет во вторник после долгих споров утвердил новый жилищный бюджет.",
        "Власти сообщили, что мост останется закрытым до окончания проверки.",
        "Синоптики ожидают сильных дождей во всём регионе в течение выходных.",
        "Компания сообщила о росте прибыли, несмотря на резкое подорожание энергии.",
        "Родители собрались у школы, чтобы выразить протест против отмены уроков музыки.",
        "Министр отказалась комментировать сообщения о своей возможной отставке.",
        "Волонтёры всё утро убирали мусор на берегу реки.",
        "Музей продлит часы работы на время летних каникул.",
    ],
    "sv": [
        "Kommunfullmäktige godkände på tisdagen den nya bostadsbudgeten efter en lång debatt.",
        "Myndigheterna uppgav att bron förblir stängd tills inspektionen är klar.",
        "Meteorologerna väntar kraftigt regn i hela regionen under helgen.",
        "Företaget redovisade högre vinst trots kraftigt stigande energikostnader.",
        "Föräldrar samlades utanför skolan för att protestera mot att musiklektionerna stryks.",
        "Ministern ville inte kommentera uppgifterna om att hon avgår nästa månad.",
        "Frivilliga ägnade hela förmiddagen åt att plocka skräp längs älvstranden.",
        "Museet förlänger sina öppettider under sommarlovet.",
    ],
    "tr": [
        "Belediye meclisi salı günü uzun bir tartışmanın ardından yeni konut bütçesini onayladı.",
        "Yetkililer, köprünün denetim tamamlanana kadar kapalı kalacağını söyledi.",
        "Meteorologlar hafta sonu boyunca bölgenin tamamında şiddetli yağış bekleniyor.",
        "Şirket, enerji maliyetlerindeki sert artışa rağmen kârını artırdığını açıkladı.",
        "Veliler, müzik derslerinin kaldırılmasını protesto etmek için okulun önünde toplandı.",
        "Bakan, gelecek ay istifa edeceğine dair haberleri yorumlamayı reddetti.",
        "Gönüllüler sabahı nehir kıyısındaki çöpleri toplayarak geçirdi.",
        "Müze yaz tatili boyunca ziyaret saatlerini uzatacak.",
    ],
    "ro": [
        "Consiliul local a aprobat marți noul buget pentru locuințe după o dezbatere lungă.",
        "Autoritățile au declarat că podul va rămâne închis până la finalizarea inspecției.",
        "Meteorologii anunță ploi abundente în toată regiunea pe parcursul weekendului.",
        "Compania a raportat profituri mai mari în ciuda creșterii puternice a costurilor cu energia.",
        "Părinții s-au adunat în fața școlii pentru a protesta împotriva eliminării orelor de muzică.",
        "Ministra a refuzat să comenteze informațiile despre o posibilă demisie luna viitoare.",
        "Voluntarii au petrecut dimineața strângând gunoaie de pe malul râului.",
        "Muzeul își va prelungi programul de vizitare în timpul vacanței de vară.",
    ],
    "id": [
        "Dewan kota menyetujui anggaran perumahan yang baru pada hari Selasa setelah perdebatan panjang.",
        "Pihak berwenang mengatakan jembatan itu akan tetap ditutup sampai pemeriksaan selesai.",
        "Hujan lebat diperkirakan turun di seluruh wilayah sepanjang akhir pekan, kata para ahli cuaca.",
        "Perusahaan itu melaporkan laba yang lebih tinggi meskipun biaya energi naik tajam.",
        "Para orang tua berkumpul di depan sekolah untuk memprotes penghapusan pelajaran musik.",
        "Menteri itu menolak berkomentar tentang kabar bahwa dia akan mengundurkan diri bulan depan.",
        "Para relawan menghabiskan pagi hari dengan memungut sampah di tepi sungai.",
        "Museum akan memperpanjang jam buka selama liburan musim panas.",
    ],
    "zh": [
        "市议会周二经过长时间辩论后批准了新的住房预算。",
        "当局表示，这座桥将在检查结束前继续关闭。",
        "气象部门预计整个周末全区将有强降雨。",
    ],
    "ja": [
        "市議会は火曜日、長い議論の末に新しい住宅予算を承認した。",
        "当局によると、橋は点検が終わるまで閉鎖されたままになる。",
        "気象台は週末にかけて地域全体で大雨になると予想している。",
    ],
    "ar": [
        "وافق مجلس المدينة يوم الثلاثاء على ميزانية الإسكان الجديدة بعد نقاش طويل.",
        "قالت السلطات إن الجسر سيبقى مغلقا حتى انتهاء أعمال التفتيش.",
        "يتوقع خبراء الأرصاد هطول أمطار غزيرة في جميع أنحاء المنطقة خلال عطلة نهاية الأسبوع.",
    ],
}

SHORT: dict[str, list[str]] = {
    "en": ["Read more", "Weather warning", "Local news today", "City council votes"],
    "es": ["Leer más", "Últimas noticias", "Alerta meteorológica", "El pleno vota hoy"],
    "fr": ["Lire la suite", "Dernières nouvelles", "Alerte météo", "Le conseil vote"],
    "de": ["Weiterlesen", "Aktuelle Nachrichten", "Unwetterwarnung", "Der Stadtrat stimmt ab"],
    "it": ["Leggi di più", "Ultime notizie", "Allerta meteo", "Il consiglio vota"],
    "pt": ["Leia mais", "Últimas notícias", "Alerta de chuva", "A câmara vota hoje"],
    "nl": ["Lees verder", "Laatste nieuws", "Weeralarm", "De raad stemt"],
    "pl": ["Czytaj dalej", "Najnowsze wiadomości", "Ostrzeżenie pogodowe", "Rada głosuje"],
    "ru": ["Читать далее", "Последние новости", "Штормовое предупреждение", "Совет голосует"],
    "sv": ["Läs mer", "Senaste nytt", "Vädervarning", "Fullmäktige röstar"],
    "tr": ["Devamını oku", "Son haberler", "Hava durumu uyarısı", "Meclis oylama yapıyor"],
}

ENGLISH_PARAGRAPHS: list[str] = [
    "Mayor Elena Gutiérrez told reporters at City Hall on Monday that the plan would add 4,500 "
    "affordable units by 2030, though critics on the Board of Supervisors questioned how it would be funded.",
    "The San Joaquin County Sheriff's Office said deputies responded to the call shortly after 11 p.m. and "
    "found the vehicle abandoned near the intersection of El Camino Real and Avenida del Sol.",
    "“We are not going to stand by while families are torn apart,” said José Luis Fernández, director of "
    "the nonprofit Casa de la Esperanza, which runs a shelter in East Los Angeles.",
    "Shares of the Madrid-based bank fell 3.2% in early trading after it reported a drop in net interest "
    "income, according to a filing with the Comisión Nacional del Mercado de Valores.",
    "The festival, known locally as Día de los Muertos, drew more than 20,000 visitors to Olvera Street "
    "over the weekend, organizers said, with altars, music and food stalls lining the plaza.",
    "Police in Santa Fe said the suspect, identified as 34-year-old Marco Antonio Reyes, was booked into "
    "the county jail on suspicion of burglary and resisting arrest.",
    "The report, published by the Instituto Nacional de Estadística, found that unemployment among young "
    "people in southern Spain remained above 30 percent for the third year in a row.",
    "Residents of the Barrio Logan neighborhood have long complained about truck traffic and air pollution "
    "from the nearby port, and many say the new ordinance does not go far enough.",
    "The company's chief executive, Jean-Pierre Dubois, said in a statement that the merger would create "
    "Europe's largest maker of rail equipment and protect thousands of jobs in France and Germany.",
    "Coach Diego Martínez praised his team's defense after the 2-1 win, saying the players had followed "
    "the game plan perfectly in the second half.",
    "For more information, visit www.example.org/housing or call the hotline at (555) 010-2040 between "
    "9 a.m. and 5 p.m., Monday through Friday.",
    "The legislation, known as the DREAM Act, would offer a path to citizenship for young immigrants who "
    "were brought to the United States as children, supporters said.",
    "In Berlin, Chancellor Olaf Scholz met with union leaders from IG Metall and Ver.di to discuss wage "
    "demands ahead of the next round of collective bargaining.",
    "Prices at the farmers market on Calle Ocho have risen sharply this year, vendors said, blaming higher "
    "fuel costs and a poor harvest in Central America.",
    "The ruling by Judge María Elena Rodríguez of the U.S. District Court in San Diego blocks the policy "
    "from taking effect while the lawsuit proceeds.",
    "Officials from the Ministerio de Sanidad confirmed that the outbreak had been contained and that no "
    "new cases had been reported since Thursday.",
    "The restaurant, La Casa del Abuelo, has served the same garlic shrimp recipe since 1906 and remains a "
    "favorite among tourists and locals alike.",
    "Volunteers with Habitat for Humanity spent the weekend building three homes in the Riverside "
    "neighborhood, the group said in a post on its Facebook page.",
    "Analysts at Goldman Sachs said the central bank was likely to keep rates unchanged at its next "
    "meeting, citing signs that inflation was cooling.",
    "The documentary follows three generations of a family from Oaxaca as they build new lives in Chicago, "
    "and it premiered at the Sundance Film Festival in January.",
    "Teachers at Lincoln High School said they had not been consulted about the new schedule, which adds "
    "twenty minutes to each school day starting in September.",
    "The senator, a Democrat from New Mexico, said the bill would help rural hospitals that have struggled "
    "to stay open since the pandemic.",
    "Firefighters from Cal Fire and the Los Padres National Forest worked through the night to contain the "
    "blaze, which had burned about 1,200 acres by Wednesday morning.",
    "Fans lined the streets of Buenos Aires to celebrate the World Cup victory, waving flags and singing "
    "until dawn, according to local media.",
    "The app, which lets users split restaurant bills and send money to friends, has been downloaded more "
    "than ten million times since its launch last year.",
    "A spokesperson for the airline said flights between Miami and Bogotá would resume on Friday after "
    "the strike by ground staff ended.",
    "The exhibition at the Museo del Prado brings together more than 70 works by Velázquez, Goya and "
    "El Greco, many of them on loan from private collections.",
    "Local businesses along Mission Street say they have seen fewer customers since construction began, "
    "and several have asked the city for financial help.",
    "The study, led by researchers at Stanford University, found that children who read for twenty minutes "
    "a day scored higher on vocabulary tests.",
    "Weather officials warned that the storm could bring winds of up to 60 mph and heavy rain to coastal "
    "areas from Santa Barbara to San Luis Obispo.",
]

FOREIGN_HEADLINES: dict[str, list[str]] = {
    "es": ["El pleno aprueba los presupuestos – El Diario", "Comunidades en alerta por las lluvias"],
    "fr": ["Le conseil adopte le budget – Le Parisien", "Alerte aux fortes pluies dans la région"],
    "de": ["Stadtrat beschließt den Haushalt – Der Spiegel", "Unwetterwarnung für die ganze Region"],
    "it": ["Il consiglio approva il bilancio – La Stampa", "Allerta per le forti piogge in regione"],
    "pt": ["Câmara aprova o orçamento – O Público", "Alerta para chuvas fortes na região"],
    "nl": ["Gemeenteraad keurt begroting goed – De Telegraaf", "Waarschuwing voor zware regen in de regio"],
}

#: Lines that scraped English news pages are full of: bylines, captions, navigation,
#: titles in Title Case, lists of names and places. None of them may be reported.
ENGLISH_PAGE_LINES: list[str] = [
    "By María José Hernández and Luis Alberto Gómez, Staff Writers",
    "Photo: Reuters/Juan Carlos Pérez",
    "Tags: immigration, Los Angeles, Sanctuary Cities, ICE",
    "Related: San Diego Sheriff Responds To New State Law",
    "Santa Clara County, San Francisco, Los Gatos and San José officials",
    "Posted in Politics, Local News, Noticias en Español",
    "Share this article on Facebook, Twitter and WhatsApp",
    "Copyright 2024 La Prensa Media Group. All rights reserved.",
    "Advertisement",
    "Sign up for our daily newsletter",
    "Follow Carlos Sánchez on Twitter @csanchez",
    "Mayor Karen Bass speaks at City Hall in Los Angeles on Tuesday.",
    "Comments are closed.",
    "Read More About Immigration Enforcement In California",
    "Top Stories From El Paso, Santa Fe And Las Cruces",
    "Source: Instituto Nacional de Estadística (INE), Eurostat",
    "Jorge Ramos, Univision, Telemundo, CNN en Español",
    "Previous article: Council Debates Budget For Fiscal Year 2025",
    "Contact the reporter at jgarcia@example.com or 555-0100.",
    "Listen to the podcast: https://example.org/podcast/episode-42",
    "Updated 5:42 p.m. PT, Jan. 12, 2025",
    "Museo de Arte de Ponce, Ponce, Puerto Rico",
    "Casa de la Esperanza | Habitat for Humanity | United Way",
    "The Associated Press contributed to this report.",
    "Los Angeles Times staff writer Ana Ceballos contributed reporting.",
    "Quiénes Somos | About Us | Contact | Privacy Policy",
    "Gracias, thank you, merci: the mayor thanked volunteers in three languages.",
    "Viva la raza, the crowd chanted as the march reached the plaza.",
]


# --------------------------------------------------------------------------- short-text set
# Written for this project: word pairs (two words as they might sit next to each other or be
# drawn from a text: nouns, verbs, adjectives, function words; no names) and short everyday
# sentences, in the six languages the short-text figures are judged on.

WORD_PAIRS: dict[str, list[str]] = {
    "en": [
        "cheap flights",
        "garden party",
        "slowly walked",
        "broken window",
        "they said",
        "empty bottle",
        "winter coat",
        "quite often",
        "kitchen table",
        "fresh bread",
        "without doubt",
        "bright morning",
        "farmers market",
        "heavy traffic",
        "sister arrived",
        "school holidays",
        "wooden chair",
        "almost finished",
        "river bank",
        "answer questions",
    ],
    "es": [
        "casa vieja",
        "mañana temprano",
        "perro negro",
        "sin embargo",
        "ciudad pequeña",
        "tengo hambre",
        "agua fría",
        "hermano mayor",
        "calle principal",
        "muy lejos",
        "libro nuevo",
        "siempre llueve",
        "trabajo duro",
        "ventana abierta",
        "dinero suficiente",
        "nosotros vamos",
        "mesa redonda",
        "pueblo costero",
        "camisa blanca",
        "bastante tarde",
    ],
    "fr": [
        "maison bleue",
        "peut-être demain",
        "chemin étroit",
        "beaucoup trop",
        "nous avons",
        "voiture rouge",
        "petit déjeuner",
        "toujours froid",
        "église ancienne",
        "jardin fleuri",
        "sans doute",
        "quelques jours",
        "boulangerie fermée",
        "mauvais temps",
        "elle chante",
        "verre vide",
        "plage déserte",
        "vieux quartier",
        "pendant longtemps",
        "chaque matin",
    ],
    "de": [
        "titan daher",
        "schönes wetter",
        "kleine stadt",
        "immer wieder",
        "wir gehen",
        "neues auto",
        "rote jacke",
        "gestern abend",
        "der bahnhof",
        "ziemlich kalt",
        "viele leute",
        "offenes fenster",
        "weißes brot",
        "deshalb nicht",
        "kurze pause",
        "leider geschlossen",
        "altes haus",
        "bitte warten",
        "zwischen uns",
        "grüner tee",
    ],
    "it": [
        "casa rossa",
        "sempre qualcosa",
        "piccolo paese",
        "domani mattina",
        "vorrei sapere",
        "acqua calda",
        "strada bagnata",
        "molto bene",
        "finestra chiusa",
        "nostro figlio",
        "ragazzi giovani",
        "pane fresco",
        "abbastanza lontano",
        "giornata lunga",
        "cielo sereno",
        "perché no",
        "gelato buono",
        "tutti insieme",
        "chiesa antica",
        "sembra facile",
    ],
    "pt": [
        "casa amarela",
        "muito obrigado",
        "cidade grande",
        "não sei",
        "amanhã cedo",
        "água gelada",
        "pão quente",
        "nossa família",
        "rua estreita",
        "sempre chove",
        "trabalho novo",
        "coração partido",
        "janela aberta",
        "também quero",
        "praia vazia",
        "dinheiro nenhum",
        "irmão mais",
        "ainda assim",
        "fazenda antiga",
        "peixe fresco",
    ],
}

SHORT_SENTENCES: dict[str, list[str]] = {
    "en": [
        "I left my keys on the kitchen table.",
        "The bus was late again this morning.",
        "We should paint the fence before winter.",
        "She forgot to call her mother yesterday.",
        "Nobody knew where the old road ended.",
        "Can you bring some milk on the way home?",
    ],
    "es": [
        "Dejé las llaves encima de la mesa.",
        "El autobús volvió a llegar tarde esta mañana.",
        "Deberíamos pintar la valla antes del invierno.",
        "Se le olvidó llamar a su madre ayer.",
        "Nadie sabía dónde terminaba el camino viejo.",
        "¿Puedes traer leche cuando vuelvas a casa?",
    ],
    "fr": [
        "J'ai laissé mes clés sur la table de la cuisine.",
        "Le bus était encore en retard ce matin.",
        "Il faudrait repeindre la clôture avant l'hiver.",
        "Elle a oublié d'appeler sa mère hier.",
        "Personne ne savait où finissait la vieille route.",
        "Tu peux rapporter du lait en rentrant ?",
    ],
    "de": [
        "Ich habe meine Schlüssel auf dem Küchentisch liegen lassen.",
        "Der Bus war heute Morgen schon wieder zu spät.",
        "Wir sollten den Zaun vor dem Winter streichen.",
        "Sie hat gestern vergessen, ihre Mutter anzurufen.",
        "Niemand wusste, wo die alte Straße endete.",
        "Kannst du auf dem Heimweg Milch mitbringen?",
    ],
    "it": [
        "Ho lasciato le chiavi sul tavolo della cucina.",
        "L'autobus è arrivato di nuovo in ritardo stamattina.",
        "Dovremmo dipingere la recinzione prima dell'inverno.",
        "Ieri si è dimenticata di chiamare sua madre.",
        "Nessuno sapeva dove finisse la vecchia strada.",
        "Puoi portare del latte quando torni a casa?",
    ],
    "pt": [
        "Deixei as chaves em cima da mesa da cozinha.",
        "O ônibus atrasou outra vez hoje de manhã.",
        "Devíamos pintar a cerca antes do inverno.",
        "Ela esqueceu de ligar para a mãe ontem.",
        "Ninguém sabia onde terminava a estrada velha.",
        "Você pode trazer leite quando voltar para casa?",
    ],
}
