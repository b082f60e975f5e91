"""What a figure describes in encyclopaedic and web text (issue 13, sixth session): a figure in a description of a
thing, an event or a life is not a statistic about society, and a census or a rule named as the sentence's frame is
its source. Each class has must-flag and must-not-flag cases, written for these tests."""

from __future__ import annotations

import pytest

from audit.sourcing.figures import find_figures
from tests.sourcing.helpers import src001 as _src001


@pytest.mark.parametrize(
    "text",
    [
        # identifiers: a product class, a law report's volume, a century, an age and a year, a year of the first
        # centuries after "in"
        "People working with class 3B and class 4 lasers must wear goggles rated for the wavelength.",
        "No inference may be drawn when the accused does not answer police questions [Doyle v R (2003) 214 CLR 441, "
        "following Hale v Ross [1961] 105 CLR 310].",
        "The homes of the tribe are first mentioned by a geographer in the 200's AD and again in the 600's by a monk.",
        "At age 19 in 1931 in Lyon, the painter was injured in a fire that destroyed his studio.",
        "The emperor's uncle died of a fever in 41 when the boy was three.",
        # units written with a space or a period, and engineering units
        "The flood basalt covers 48,000 sq mi and holds a volume of 90,000 cu mi of rock.",
        "A sports version of the 186 cuin straight-six engine was made available from the spring.",
        "By 2010 the field produced about 4.1 Gcuft of gas a day, most of it for export to the north.",
        "Traces of methane gas (about 0.0004% or 2100 ppb) are found near the ground in the valley.",
        # composition of a material or a mixture
        "Each standard bar was made of a 90% platinum-10% iridium alloy and sent to the member states.",
        "A cylinder filled with a gas containing more than 40% oxygen must be cleaned again.",
        "The city's power supply comes from 45% coal, 40% gas and 15% wind.",
        "By the 1960s, white grapes made up 30% of many cheap blends from the hills.",
        # the size of an event's crowd
        "During his visit he joined a crowd of 12,000 people at the harbour for the festival.",
        "The author received a standing ovation from over 2,000 people at the opening.",
        # one person's money in a biography
        "She also earned $40,000 for each lecture she gave in the United States.",
        "He was left out of the will, although his uncle did set up a trust of £80,000 for the children.",
        # elections and their rules, a requirement, the terms of a deal, a fine set by a law
        "At the 2006 election the party achieved only 3.1 per cent of the national vote.",
        "Parties must attain at least 4 percent of the vote in order to gain a seat in the chamber.",
        "The election threshold is 5%, but it applies only to the compensation seats.",
        "In 1863 a bill that would have made the system compulsory passed its first reading by 110 votes to 75.",
        "As a condition, the chipmaker will have to employ 2,000 more workers in the south.",
        "The new law banned sales of spray paint to persons under 18 and raised maximum fines from $300 to $3,000.",
        # the size of an organisation, named as its subject
        "The council's membership was expanded from 40 to 60 members in 1998, to 80 in 2003, and to 110 members "
        "in 2009.",
        "The shipyard employed 18,000 people at its peak, although the workforce is now less than 900.",
        # things named like people: ordered fighters, cases of wine
        "The ministry ordered 24 trainers and 150 fighters from the factory in the spring.",
        "The air ministry ordered 19 photo-reconnaissance (PR) models and 176 fighters.",
        "More than 6 million cases of wine are produced in the valley each year.",
        # a sports schedule: "at home" is no home
        "Each club plays 60 games against its division (8 at home, 8 on the road), and 120 games against the rest "
        "of the league.",
        # a count of things after a figure about people: the list does not make the things people
        "The bandleader employed about 45 people, who played upwards of 300 shows a year across the country.",
        # the terms of a product offer
        "Earn 5% cash back on up to $1,500 spent in categories like gas stations and restaurants.",
        # dates and spans of early years, a range of sections
        "The dynasty was followed by four emperors of other families between 1059 and 1081.",
        "The old king died on June 10, 1099, during the famine that followed the siege.",
        "Both offences are banned under Sections 205–206 of the Crimes Act 1961 and punished with jail.",
        # a made-up example, a rule's entitlement, the progress of a piece of work, the size of a body over time
        "For example, a hypothetical population might include 10 million men and 10 million women.",
        "As in the old era, the republic has the right to 25% of the water that rises on its territory, with no "
        "compensation for the rest.",
        "The ship waited for funding for repairs, which were halted when they were only 20% complete.",
        "The assembly was expanded to 99 members in 1997, to 115 members in 2006 and to 132 members in 2011.",
        "Although smaller than before, the naval base remains home to two-thirds of the entire surface fleet.",
        # a count of things is people only when the harm is said of them
        "In her 1915 collection, published one year after her death, the poet included 28 cinquains.",
        # a source named with "based on"
        "Based on the Regional Advisory Committee on Influenza, the country ranked first in vaccination with 311 "
        "vaccines per 1,000 people.",
        # a question asks about its figure; a change of a price is a price
        "Mark on November 10: 1,000 people signing up for the earlier courses?",
        "At the open, traders shaved about $10.00 off the spot price, making cash for the session's workers.",
        # a source named with "in a", dice, a magnitude and a year, a bounty, a sports record, a referendum's
        # result, an alloy named with "of", the terms of a tax code, the size of a university
        "However, in a later government survey, the number of reported assaults had fallen by 21.4% in the city.",
        "The first die represents the planets, the second die represents the 12 signs, and the third the 12 houses.",
        "Its outburst made the star the equal of Sirius for the people of the south; it brightened to magnitude 1.5 in "
        "1843.",
        "The attacks provoked the local authorities into announcing a reward of 100 rubles for every wolf killed.",
        "The slugger began the season with 713 home runs, one shy of the record of 714.",
        "In the referendum, 93.8% of votes were cast in favour of the new charter, which gives pensions to all.",
        "The seals are made from niobium with 1% of zirconium, which suits the lamps in most homes.",
        "The standard deduction for a single taxpayer is $5,700; the personal exemption is $118.",
        "The college, founded in 1993, is an English-medium university comprising about 1,700 students.",
        # a census named as the frame of the sentence, before or in parentheses
        "At the 2011 census, 23.4 percent of the residents declared a regional language at home.",
        "Kazakh 63.1%, Russian 23.7%, Uzbek 2.8%, other 10.4% (2009 population census).",
    ],
)
def test_figures_that_describe_a_thing_an_event_or_a_life_are_not_claims(text):
    assert not _src001(text), text


@pytest.mark.parametrize(
    "text",
    [
        # statistics about people and society stay claims in the same layouts
        "About a quarter of the people work in farming and fishing.",
        "An estimated 6.1 million young people were jobless in 2011.",
        "In 2004, 6.2 percent of the population of the region were born abroad.",
        "The unemployment rate stayed low in 2010, at 3.4%.",
        "More than 20,000 women were held in the camp between 1938 and 1945.",
        # a protest's crowd is a claim
        "The protest drew a crowd of 40,000 people outside the parliament.",
        # public money in a sentence about one person
        "He cut $600 million from the state's welfare budget in his first year.",
        # a change to a workforce is news
        "The county's workforce fell by 5,000 people last year.",
        "Costs included reducing the workforce at the plant, including the loss of 1,400 jobs.",
        # requirements that are facts of hardship, not rules
        "Hospitals have to turn away 500 patients every week.",
        # war damage
        "During the occupation the army destroyed 209 out of 290 towns and more than one million buildings.",
        # a fuel price paid by households, and consumer spending
        "Gas prices rose 20% in the state last year.",
        "Households spent 12% more on gas and groceries.",
        # harm said of the things counted, and work lost
        "At least 40 miners were killed when the gallery collapsed.",
        "The blast killed at least 40 miners and injured 12 others.",
        # a rule's rate paid by people is no entitlement of a party
        "Armies often consisted of more than 50 percent noncombatants, as displaced people travelled with them.",
        "Based on nothing but rumours, 40% of residents fear eviction.",
        # people who die, a source named only as an unnamed decade
        "Over 1.2 million people died during the war.",
        "Officials fear that 3,000 people will die this winter.",
        "In a decade, the number of homeless residents rose by 40%.",
        # an estimate of turnout so far, and the strength of an army
        "Perhaps 70 percent of the state has already voted, and the party has a lead in the early vote.",
        "The army, with regular and reserve forces numbering 3.7 million personnel, is among the largest per capita.",
        # a census that is not named stays a claim
        "In 2001, 1.2 percent of the population identified themselves as Black Caribbean.",
        # a body sentence of a web page with finished punctuation between subheadings
        "Jobs\n\nMore than 7,000 workers lost their jobs at the plant in 2010.\n\nHousing\n\nRents rose 12% in the "
        "city.",
    ],
)
def test_statistics_about_people_and_society_stay_claims(text):
    assert _src001(text), text


def test_a_list_of_links_in_page_chrome_is_not_a_claim():
    page = (
        "Latest posts\n\n"
        "How a Small Shop Got Into the Papers and Still Hit #1 on the List\n\n"
        "The Way of the Drone — How to Sell 12,000 Phone Cases at $40 Each (and Other Lessons)\n\n"
        "151 Comments\n\n"
        "Maria said she loved the post."
    )
    assert not _src001(page)
    sidebar = (
        "Popular\n\n"
        "Thinker: Teachers who do not understand the tools may do more harm. I believe that pupils are...\n\n"
        "Tom Reyes just unfollowed 4,000 people on Twitter (5)\n\n"
        "Ana Diaz: Good for Tom – people have the right to choose how they manage what they read, and there is...\n\n"
        "Latest"
    )
    assert not _src001(sidebar)
    # a finished teaser between a link and two more links
    teaser = (
        "Inside the Magazine\n\n"
        "The Rich List: The Wealthiest People In the Country\n\n"
        "Two-thirds of the wealthiest people in the country added to their fortunes, boosting their average net worth "
        "by $300 million to a record $3.9 billion.\n\n"
        "The Investment Guide\n\n"
        "see photos\n\n"
        "The Best Places For Careers"
    )
    assert not _src001(teaser)
    # the same figure in a finished sentence of the page's text is a claim
    body = "Latest posts\n\nMore than 4,000 teachers walked out of the district's schools on Monday.\n\nComments"
    assert _src001(body)


def test_identifiers_are_not_figures():
    assert find_figures("class 3B lasers") == []
    assert find_figures("Doyle v R (2003) 214 CLR 441") == []
    assert find_figures("in the 600's by a monk") == []
    assert find_figures("between 1154 and 1189 the king ruled") == []
    assert find_figures("He was pope from 31 January, 314 to his death in 335.") == []
    assert find_figures("The family evolved about 42 million years ago.") == []
    assert [f.text for f in find_figures("In March, 300 workers walked out.")] == ["300"]
    assert [f.text for f in find_figures("Between 1200 and 1500 people died.")] == ["1500"]
    assert [f.text for f in find_figures("One in 5 adults smokes; 1 in 2000 births is affected.")] == [
        "One in 5",
        "1 in 2000",
    ]
