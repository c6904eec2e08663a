/**
 * Recognises the columns of an imported prisoner list from their header text,
 * in English, Russian and Belarusian. Pure: also used in the browser for the
 * manual mapping form.
 */

export const IMPORT_FIELDS = [
  "externalId",
  "fullName",
  "surname",
  "givenName",
  "patronymic",
  "latinName",
  "birthDate",
  "gender",
  "country",
  "status",
  "detainedOn",
  "verdictOn",
  "releasedOn",
  "releaseKind",
  "diedOn",
  "articles",
  "sentence",
  "penalty",
  "facility",
  "facilityAddress",
  "facilityCity",
  "facilityPostcode",
  "facilityType",
  "facilityRegion",
  "humanitarianReasons",
  "incommunicado",
  "doNotWrite",
  "relativesOnly",
  "notes",
  "canWrite",
  "interests",
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Header text -> field; null = the column is ignored. */
export type ColumnMapping = Record<string, ImportField | null>;

export function isImportField(value: unknown): value is ImportField {
  return typeof value === "string" && (IMPORT_FIELDS as readonly string[]).includes(value);
}

const CYRILLIC = /[\u0400-\u04FF]/;

/**
 * Lower case, ё -> е, Latin "i" typed for Belarusian "і" in Cyrillic text,
 * punctuation to spaces, whitespace collapsed. "Ф.И.О." -> "ф и о".
 */
export function normalizeHeader(text: string): string {
  let s = text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[’ʼ`´]/g, "'");
  if (CYRILLIC.test(s)) s = s.replace(/i/g, "і");
  return s
    .replace(/[^\p{L}\p{N}№#]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Known header texts per field, written naturally; normalised at load. */
const SYNONYMS: Record<ImportField, string[]> = {
  externalId: [
    "id",
    "external id",
    "ext id",
    "identifier",
    "record id",
    "person id",
    "prisoner id",
    "#",
    "№",
    "no",
    "nr",
    "номер",
    "нумар",
    "идентификатор",
    "ідэнтыфікатар",
    "код",
    "id viasna",
    "viasna id",
  ],
  fullName: [
    "ФИО",
    "Ф.И.О.",
    "Ф. И. О.",
    "Full name",
    "Name",
    "Names",
    "Person",
    "Prisoner",
    "Political prisoner",
    "Фамилия, имя, отчество",
    "Фамилия имя отчество",
    "Фамилия, имя",
    "Имя и фамилия",
    "Фамилия и имя",
    "Прозвішча, імя, імя па бацьку",
    "Прозвішча імя імя па бацьку",
    "Прозвішча, імя",
    "Імя і прозвішча",
    "Прозвішча і імя",
    "ПІБ",
    "П.І.Б.",
    "Полное имя",
    "Поўнае імя",
    "Заключенный",
    "Политзаключенный",
    "Политзаключённый",
    "Палітвязень",
    "Зняволены",
    "Палітзняволены",
    "Name and surname",
    "Surname and name",
    "Surname, name",
    "Имя (рус)",
    "ФИО (рус)",
    "Name in Russian",
    "Name in Belarusian",
  ],
  surname: ["Фамилия", "Прозвішча", "Surname", "Last name", "Lastname", "Family name"],
  givenName: ["Имя", "Імя", "First name", "Firstname", "Given name", "Given names", "Forename"],
  patronymic: ["Отчество", "Імя па бацьку", "Па бацьку", "По батькові", "Patronymic", "Middle name", "Father's name"],
  latinName: [
    "Latin name",
    "Name (Latin)",
    "Name in Latin",
    "Name latin",
    "English name",
    "Name in English",
    "Name (English)",
    "Transliteration",
    "Name transliterated",
    "Имя латиницей",
    "ФИО латиницей",
    "ФИО на английском",
    "Имя на английском",
    "Латиница",
    "Транслитерация",
    "Імя лацінкай",
    "Прозвішча лацінкай",
    "Лацінка",
    "Імя па-англійску",
    "Транслітарацыя",
  ],
  birthDate: [
    "Дата рождения",
    "Дата рожд.",
    "Д.р.",
    "Д/р",
    "ДР",
    "Год рождения",
    "Г.р.",
    "Родился",
    "Родилась",
    "Дата нараджэння",
    "Год нараджэння",
    "Нарадзіўся",
    "Нарадзілася",
    "Date of birth",
    "DOB",
    "D.O.B.",
    "Birth date",
    "Birthdate",
    "Birthday",
    "Born",
    "Year of birth",
    "Birth year",
  ],
  gender: ["Пол", "Gender", "Sex", "Гендар", "Гендер"],
  country: ["Страна", "Краіна", "Country", "Государство", "Дзяржава"],
  status: [
    "Статус",
    "Status",
    "Состояние",
    "Стан",
    "Процессуальный статус",
    "Працэсуальны статус",
    "Legal status",
    "Case status",
    "Статус дела",
    "Статус справы",
  ],
  detainedOn: [
    "Дата задержания",
    "Дата ареста",
    "Задержан",
    "Задержана",
    "Дата затрымання",
    "Дата арышту",
    "Затрыманы",
    "Затрыманая",
    "Detained",
    "Detained on",
    "Date of detention",
    "Detention date",
    "Date detained",
    "Arrested",
    "Date of arrest",
    "Arrest date",
    "date_of_arrest",
    "arrested",
  ],
  verdictOn: [
    "Дата приговора",
    "Дата вынесения приговора",
    "Дата прысуду",
    "Дата вынясення прысуду",
    "Date of verdict",
    "Verdict date",
    "Date of sentence",
    "Sentence date",
    "Sentenced on",
    "verdict_date",
  ],
  releasedOn: [
    "Дата освобождения",
    "Освобожден",
    "Освобождена",
    "Дата вызвалення",
    "Вызвалены",
    "Вызваленая",
    "Date of release",
    "Release date",
    "Released on",
    "release_date",
  ],
  releaseKind: [
    "Основание освобождения",
    "Вид освобождения",
    "Как освобожден",
    "Падстава вызвалення",
    "Від вызвалення",
    "Release kind",
    "Release type",
    "Reason for release",
    "release_kind",
  ],
  diedOn: [
    "Дата смерти",
    "Умер",
    "Умерла",
    "Дата гибели",
    "Дата смерці",
    "Памёр",
    "Памерла",
    "Died",
    "Died on",
    "Date of death",
    "Death date",
  ],
  articles: [
    "Статьи",
    "Статья",
    "Статья УК",
    "Статьи УК",
    "Статья УК РБ",
    "Статьи УК РБ",
    "Статья УК РФ",
    "Статьи УК РФ",
    "Артыкулы",
    "Артыкул",
    "Артыкул КК",
    "Артыкулы КК",
    "Articles",
    "Article",
    "Criminal code articles",
    "Charges",
    "Charge",
    "Обвинение",
    "Абвінавачванне",
    "Абвінавачанне",
    "Charges indicted",
    "Предъявленные обвинения",
    "Предъявленное обвинение",
    "Обвинения",
    "Прад'яўленыя абвінавачанні",
    "Прад'яўленыя абвінавачванні",
    "Абвінавачанні",
    "Абвінавачванні",
    "Статьи обвинения",
  ],
  sentence: [
    "Приговор",
    "Срок",
    "Мера наказания",
    "Прысуд",
    "Тэрмін",
    "Мера пакарання",
    "Sentence",
    "Term",
    "Punishment",
  ],
  penalty: [
    "Наказание",
    "Вид наказания",
    "Тип наказания",
    "Пакаранне",
    "Від пакарання",
    "Тып пакарання",
    "Penalty",
    "Type of penalty",
    "Penalty type",
    "Kind of punishment",
  ],
  facility: [
    "Место заключения",
    "Место содержания",
    "Местонахождение",
    "Где находится",
    "Учреждение",
    "Исправительное учреждение",
    "Колония",
    "Месца зняволення",
    "Месца ўтрымання",
    "Месцазнаходжанне",
    "Установа",
    "Папраўчая ўстанова",
    "Калонія",
    "Facility",
    "Place of detention",
    "Detention facility",
    "Prison",
    "Penal colony",
    "Institution",
    "Location",
    "Where held",
    "institution_short_name",
    "Institution short name",
    "Место отбывания наказания",
    "Месца адбыцця пакарання",
    "Турма",
    "Тюрьма",
  ],
  facilityAddress: [
    "Адрес",
    "Почтовый адрес",
    "Адрес учреждения",
    "Адрес для писем",
    "Адрес колонии",
    "Улица",
    "Адрас",
    "Паштовы адрас",
    "Адрас установы",
    "Адрас для лістоў",
    "Вуліца",
    "Address",
    "Postal address",
    "Mailing address",
    "Facility address",
    "Street",
    "Street address",
    "address_for_letters",
    "Address for letters",
  ],
  facilityCity: ["Город", "Населенный пункт", "Горад", "Населены пункт", "City", "Town", "Locality"],
  facilityPostcode: [
    "Индекс",
    "Почтовый индекс",
    "Індэкс",
    "Паштовы індэкс",
    "Postcode",
    "Post code",
    "Postal code",
    "ZIP",
    "ZIP code",
    "Zipcode",
  ],
  facilityType: [
    "Тип учреждения",
    "Вид учреждения",
    "Тип места заключения",
    "Тып установы",
    "Від установы",
    "Facility type",
    "Type of facility",
    "Institution type",
  ],
  facilityRegion: ["Регион", "Область", "Субъект РФ", "Рэгіён", "Вобласць", "Region", "Oblast", "Facility region"],
  humanitarianReasons: [
    "Гуманитарный список",
    "Гуманитарный",
    "Гуманитарные причины",
    "Гуманитарные основания",
    "Причины",
    "Причина",
    "Основания",
    "Гуманітарны спіс",
    "Гуманітарны",
    "Гуманітарныя прычыны",
    "Прычыны",
    "Прычына",
    "Humanitarian reasons",
    "Humanitarian reason",
    "Humanitarian",
    "Humanitarian list",
    "Reasons",
    "Reason",
  ],
  incommunicado: [
    "Инкоммуникадо",
    "Инкомуникадо",
    "Инкоммуникадо (нет связи)",
    "Без связи",
    "Нет связи",
    "Інкамунікада",
    "Без сувязі",
    "Няма сувязі",
    "Incommunicado",
    "No contact",
  ],
  doNotWrite: [
    "Не писать",
    "Просил не писать",
    "Просила не писать",
    "Не пісаць",
    "Прасіў не пісаць",
    "Прасіла не пісаць",
    "Do not write",
    "Don't write",
    "Dont write",
    "No letters",
  ],
  relativesOnly: [
    "Только родственники",
    "Только от родственников",
    "Письма только от родственников",
    "Толькі сваякі",
    "Толькі ад сваякоў",
    "Лісты толькі ад сваякоў",
    "Relatives only",
    "Only relatives",
    "Family only",
    "Letters from relatives only",
  ],
  notes: [
    "Примечание",
    "Примечания",
    "Комментарий",
    "Комментарии",
    "Заметки",
    "Заўвага",
    "Заўвагі",
    "Каментар",
    "Каментарый",
    "Камэнтар",
    "Нататкі",
    "Notes",
    "Note",
    "Comment",
    "Comments",
    "Remarks",
  ],
  canWrite: [
    "can_write",
    "Can write",
    "Можно писать",
    "Можна пісаць",
    "Письма доходят",
    "Лісты даходзяць",
    "Letters reach",
    "Writable",
  ],
  interests: ["interests", "Интересы", "Увлечения", "Інтарэсы", "Захапленні", "Hobbies", "Interests and hobbies"],
};

/** Fallbacks for headers with extra words ("Дата рождения (дд.мм.гггг)", "Адрес колонии для писем"). Order matters. */
const PREFIXES: [ImportField, string[]][] = [
  [
    "latinName",
    [
      "фио латин",
      "имя латин",
      "латиниц",
      "лацінк",
      "latin name",
      "name latin",
      "name in latin",
      "name in english",
      "english name",
      "translit",
      "транслит",
    ],
  ],
  ["facilityType", ["тип учрежд", "вид учрежд", "тып устан", "від устан", "facility type", "type of facility"]],
  [
    "facilityPostcode",
    ["индекс", "почтовый индекс", "індэкс", "паштовы індэкс", "postcode", "post code", "postal code", "zip"],
  ],
  [
    "facilityAddress",
    ["адрес", "адрас", "почтовый адрес", "паштовы адрас", "address", "postal address", "mailing address"],
  ],
  ["facilityCity", ["город", "горад", "city"]],
  [
    "birthDate",
    [
      "дата рожд",
      "год рожд",
      "дата нарадж",
      "год нарадж",
      "date of birth",
      "birth date",
      "birthdate",
      "year of birth",
      "dob",
    ],
  ],
  [
    "verdictOn",
    ["дата приговор", "дата вынесения приговор", "дата прысуд", "date of verdict", "verdict date", "date of sentence"],
  ],
  ["releasedOn", ["дата освобожд", "дата вызвал", "date of release", "release date"]],
  ["diedOn", ["дата смерт", "дата гибел", "дата смерц", "date of death"]],
  ["releaseKind", ["основание освобожд", "вид освобожд", "падстава вызвал", "release kind", "release type"]],
  [
    "detainedOn",
    [
      "дата задерж",
      "дата арест",
      "дата затрым",
      "дата арышт",
      "date of detention",
      "detention date",
      "date of arrest",
      "arrest date",
      "detained",
      "detained on",
    ],
  ],
  ["articles", ["стать", "артыкул", "article", "articles", "criminal code", "charge", "charges"]],
  ["penalty", ["вид наказ", "тип наказ", "від пакаран", "тып пакаран", "penalty"]],
  ["sentence", ["приговор", "прысуд", "срок", "тэрмін", "мера наказ", "sentence"]],
  [
    "facility",
    [
      "место заключ",
      "место содерж",
      "местонахожд",
      "месца зняв",
      "месца ўтрым",
      "месцазнаходж",
      "учрежден",
      "place of detention",
      "detention facility",
      "facility",
      "prison",
      "penal colony",
    ],
  ],
  ["humanitarianReasons", ["гуманитар", "гуманітар", "humanitarian"]],
  ["incommunicado", ["инкоммуникадо", "инкомуникадо", "інкамунікада", "incommunicado"]],
  ["doNotWrite", ["не писать", "не пісаць", "do not write", "don t write", "dont write"]],
  [
    "relativesOnly",
    ["только родств", "только от родств", "толькі сваяк", "толькі ад сваяк", "relatives only", "only relatives"],
  ],
  ["notes", ["примечан", "коммент", "заўваг", "камент", "камэнт", "note", "notes", "comment", "comments", "remarks"]],
  ["fullName", ["фио", "ф и о", "фамилия имя отчество", "прозвішча імя імя па бацьку", "full name", "піб"]],
  ["status", ["статус", "status"]],
  ["canWrite", ["можно писать", "можна пісаць", "can write"]],
  ["interests", ["интерес", "увлечен", "інтарэс", "захаплен", "interests", "hobbies"]],
];

/**
 * Columns that published lists carry and the registry deliberately does not
 * import (links, photos, free-text biographies, court staff, list metadata).
 * They are ignored without being reported as unknown.
 */
const IGNORED = [
  "url",
  "link",
  "links",
  "photo",
  "photos",
  "image",
  "picture",
  "description",
  "bio",
  "biography",
  "slug",
  "judge",
  "councel",
  "counsel",
  "lawyer",
  "prosecutor",
  "declaration",
  "decision",
  "clusters",
  "cluster",
  "penalty_start_date",
  "appeal_date",
  "fake_terrorist_list",
  "tags",
  "source",
  "sources",
  "updated_at",
  "created_at",
  "Судья",
  "Прокурор",
  "Адвокат",
  "Фото",
  "Ссылка",
  "Описание",
  "Суддзя",
  "Пракурор",
  "Спасылка",
  "Апісанне",
  "Judge",
  "Prosecutor",
  "Lawyer",
  "Photo",
  "Link",
  "Description",
  "Case",
  "Дело",
  "Справа",
  "Номер дела",
  "Дата начала отбывания наказания",
  "Дата апелляции",
  "Appeal date",
].map(normalizeHeader);
const IGNORED_SET = new Set(IGNORED);

/** True for a column published lists carry that the importer skips on purpose (photo, url, judge…). */
export function isIgnoredHeader(header: string): boolean {
  return IGNORED_SET.has(normalizeHeader(header));
}

const BY_TEXT = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) {
  for (const synonym of SYNONYMS[field]) {
    const key = normalizeHeader(synonym);
    if (!BY_TEXT.has(key)) BY_TEXT.set(key, field);
  }
}
const NORMALIZED_PREFIXES = PREFIXES.map(([field, prefixes]) => [field, prefixes.map(normalizeHeader)] as const);

/** Cyrillic prefixes are word stems ("стать" matches "статьи"); Latin ones match whole words. */
function matchesPrefix(candidate: string, prefix: string): boolean {
  if (candidate === prefix) return true;
  return CYRILLIC.test(prefix) ? candidate.startsWith(prefix) : candidate.startsWith(`${prefix} `);
}

/** The field a header names, or null when it is not recognised. */
export function recognizeHeader(header: string): ImportField | null {
  const raw = header.trim();
  if (isIgnoredHeader(raw)) return null;
  // "№ п/п" is a running row number, not a stable identifier: never treat it as one.
  if (/^(№|#|n|no)\s*п\s*[/.\\]?\s*п\.?$/i.test(raw)) return null;
  const full = normalizeHeader(raw);
  const withoutBrackets = normalizeHeader(raw.replace(/\([^)]*\)|\[[^\]]*\]/g, " "));
  for (const candidate of [full, withoutBrackets]) {
    if (candidate === "") continue;
    const exact = BY_TEXT.get(candidate);
    if (exact) return exact;
  }
  for (const candidate of [full, withoutBrackets]) {
    if (candidate === "") continue;
    for (const [field, prefixes] of NORMALIZED_PREFIXES) {
      if (prefixes.some((prefix) => matchesPrefix(candidate, prefix))) return field;
    }
  }
  return null;
}

/**
 * Maps each header to a field. When two headers name the same field, the
 * first one wins; the others map to null and are listed in `unknown`
 * together with the headers that were not recognised. Headers of columns
 * that lists carry and the importer skips on purpose (url, photo, judge…) map
 * to null and are listed in `ignored`, not in `unknown`.
 */
export function recognizeColumns(headers: string[]): { mapping: ColumnMapping; unknown: string[]; ignored: string[] } {
  const entries: [string, ImportField | null][] = [];
  const unknown: string[] = [];
  const ignored: string[] = [];
  const used = new Set<ImportField>();
  for (const header of headers) {
    const field = recognizeHeader(header);
    if (field && !used.has(field)) {
      used.add(field);
      entries.push([header, field]);
    } else {
      entries.push([header, null]);
      if (isIgnoredHeader(header)) ignored.push(header);
      else unknown.push(header);
    }
  }
  return { mapping: Object.fromEntries(entries), unknown, ignored };
}
