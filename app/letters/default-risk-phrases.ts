import type { RiskPhrase } from "./guidance";

/** A shipped entry; `since` is the defaults version that added it (absent: the first). */
export type DefaultRiskPhrase = RiskPhrase & { since?: number };

/** Bumped whenever the shipped table changes; existing installations are brought up to it once. */
export const RISK_DEFAULTS_VERSION = 2;

/** Shipped entries of earlier versions that are gone (replaced by a better entry): removed on upgrade. */
export const RETIRED_RISK_PHRASES: Pick<RiskPhrase, "phrase" | "language">[] = [
  { phrase: "статья", language: "ru" },
  { phrase: "выборы", language: "ru" },
  { phrase: "выбары", language: "be" },
  { phrase: "улада", language: "be" },
  { phrase: "на волю", language: "any" },
  { phrase: "вертухай", language: "ru" },
];

/**
 * Words and phrases a prison censor is likely to stop (see DOMAIN.md,
 * "Letters: what gets through"), as a tested table: every entry lists texts it
 * must flag (`catches`) and everyday texts no entry may flag (`spares`);
 * tests/unit/risk-table.test.ts runs them all, and coordinators see the same
 * table on the writing-help page. Matching rules are in guidance.ts:
 *  - an entry is a word STEM matched at the start of a word, case-insensitive,
 *    ё = е and ў = у, so one stem covers the word forms ("суд" → суда, суде,
 *    судом, суды, судебный, судья);
 *  - `except` lists the everyday words the stem would also catch ("судьб*":
 *    судьба; "стать": the verb; "свободн* врем*": свободное время);
 *  - in a multi-word entry the words before the last are whole words;
 *  - an entry in CAPITALS matches whole words only ("ЕС" does not match "если");
 *  - an entry in Russian is not applied to a letter detected as Belarusian and
 *    the other way round ("бацька" is a father in Belarusian).
 */
export const DEFAULT_RISK_PHRASES: DefaultRiskPhrase[] = [
  // Politics
  { phrase: "Лукашенк", language: "ru", category: "politics", catches: ["Лукашенко опять выступал", "письмо Лукашенке"] },
  { phrase: "Лукашэнк", language: "be", category: "politics", catches: ["Лукашэнка зноў выступаў", "пры Лукашэнку"] },
  { phrase: "Lukashenk", language: "en", category: "politics", since: 2, catches: ["Lukashenko", "Lukashenka"] },
  {
    phrase: "Бацьк",
    language: "ru",
    category: "politics",
    since: 2,
    except: ["бацьк* і мац*", "бацьк* и мам*"],
    catches: ["Бацька опять всех обманул", "при Бацьке"],
    spares: ["Мой бацька вельмі любіць рыбалку і лес, ён кожны дзень ходзіць да ракі.", "бацька і маці"],
  },
  {
    phrase: "режим",
    language: "ru",
    category: "politics",
    except: ["режим* дня", "режим* работы", "режим* питания", "режим* сна"],
    catches: ["этот режим не вечен", "при нынешнем режиме"],
    spares: ["Соблюдаю режим дня и много гуляю", "У нас строгий режим питания", "поменялся режим работы"],
  },
  {
    phrase: "рэжым",
    language: "be",
    category: "politics",
    except: ["рэжым* дня", "рэжым* працы", "рэжым* харчавання", "рэжым* сну"],
    catches: ["рэжым не вечны", "пры гэтым рэжыме"],
    spares: ["Трымаю рэжым дня", "новы рэжым працы"],
  },
  {
    phrase: "выбор",
    language: "ru",
    category: "politics",
    since: 2,
    except: ["выбор", "выбора", "выбору", "выбором", "выборе", "выборочн*", "выборк*"],
    catches: ["после выборов", "на выборах 2020 года", "выборы"],
    spares: ["У меня трудный выбор", "сделал правильный выбор", "выборочная проверка", "выбор за вами"],
  },
  {
    phrase: "выбар",
    language: "be",
    category: "politics",
    since: 2,
    except: ["выбар", "выбару", "выбарачн*"],
    catches: ["пасля выбараў", "на выбарах", "выбары"],
    spares: ["зрабіў добры выбар", "цяжкі выбар"],
  },
  { phrase: "оппозици", language: "ru", category: "politics", catches: ["лидер оппозиции", "оппозиционный"] },
  { phrase: "апазіцы", language: "be", category: "politics", catches: ["лідарка апазіцыі"] },
  { phrase: "протест", language: "ru", category: "politics", catches: ["массовые протесты", "протестовали"] },
  { phrase: "пратэст", language: "be", category: "politics", catches: ["пратэсты 2020 года"] },
  { phrase: "protest", language: "en", category: "politics", since: 2, catches: ["the protests"] },
  { phrase: "революци", language: "ru", category: "politics", catches: ["революция", "революционный"] },
  { phrase: "рэвалюцы", language: "be", category: "politics", catches: ["рэвалюцыя"] },
  { phrase: "revolution", language: "en", category: "politics", since: 2, catches: ["revolution"] },
  { phrase: "Тихановск", language: "ru", category: "politics", catches: ["Тихановская", "Тихановского"] },
  { phrase: "Ціханоўск", language: "be", category: "politics", catches: ["Ціханоўская", "Ціханоўскай"] },
  { phrase: "Путин", language: "ru", category: "politics", catches: ["Путин", "при Путине"] },
  { phrase: "Пуцін", language: "be", category: "politics", catches: ["Пуцін"] },
  { phrase: "Putin", language: "en", category: "politics", since: 2, catches: ["Putin"] },
  { phrase: "Навальн", language: "ru", category: "politics", since: 2, catches: ["Навальный", "дело Навального"] },
  { phrase: "Навальн", language: "be", category: "politics", since: 2, catches: ["Навальны"] },
  { phrase: "Navaln", language: "en", category: "politics", since: 2, catches: ["Navalny"] },
  { phrase: "ФБК", language: "ru", category: "politics", since: 2, catches: ["расследование ФБК"], spares: ["фбкашка"] },
  {
    phrase: "власт",
    language: "ru",
    category: "politics",
    except: ["властелин*", "властн*"],
    catches: ["власти", "против власти", "властями"],
    spares: ["Перечитываю «Властелин колец»", "у неё властный характер"],
  },
  {
    phrase: "улад",
    language: "be",
    category: "politics",
    since: 2,
    except: ["уладкав*", "уладжв*", "уладжан*"],
    catches: ["улада", "супраць улады", "пры ўладзе"],
    spares: ["Хачу ўладкавацца на працу", "усё ўладжана"],
  },
  { phrase: "полити", language: "ru", category: "politics", catches: ["политика", "политических"] },
  { phrase: "паліты", language: "be", category: "politics", catches: ["палітыка", "палітычных"] },
  { phrase: "политзаключ", language: "ru", category: "politics", catches: ["политзаключённые"] },
  { phrase: "палітвязн", language: "be", category: "politics", catches: ["палітвязні"] },
  { phrase: "political prison", language: "en", category: "politics", since: 2, catches: ["political prisoners"] },
  { phrase: "БЧБ", language: "any", category: "politics", catches: ["БЧБ флаг", "бчб"] },
  { phrase: "трибунал", language: "ru", category: "politics", since: 2, catches: ["Трибунал", "трибуналом"] },
  { phrase: "трыбунал", language: "be", category: "politics", since: 2, catches: ["Трыбунал"] },

  // The war
  { phrase: "войн", language: "ru", category: "war", catches: ["война", "после войны"], spares: ["Спокойной ночи, пишу спокойно"] },
  { phrase: "вайн", language: "be", category: "war", catches: ["вайна", "пасля вайны"] },
  { phrase: "WAR", language: "en", category: "war", since: 2, catches: ["stop the war"], spares: ["warm regards", "a warning"] },
  { phrase: "СВО", language: "ru", category: "war", catches: ["на СВО"], spares: ["всё своё", "свой дом"] },
  { phrase: "спецопераци", language: "ru", category: "war", since: 2, catches: ["спецоперация", "в ходе спецоперации"] },
  { phrase: "спецаперацы", language: "be", category: "war", since: 2, catches: ["спецаперацыя"] },
  { phrase: "мобилизац", language: "ru", category: "war", catches: ["мобилизация"] },
  { phrase: "мабілізац", language: "be", category: "war", catches: ["мабілізацыя"] },
  {
    phrase: "фронт",
    language: "any",
    category: "war",
    except: ["фронтон*", "фронтальн*", "фронтэнд*", "фронтенд*"],
    catches: ["на фронте", "линия фронта", "лінія фронту"],
    spares: ["красивый фронтон дома", "фронтальная камера"],
  },
  { phrase: "арми", language: "ru", category: "war", except: ["армир*"], catches: ["в армии", "армия"], spares: ["армирование фундамента закончили", "армянский коньяк"] },
  { phrase: "армі", language: "be", category: "war", except: ["армір*"], catches: ["служыў у арміі", "армія"], spares: ["арміраванне сцен"] },
  { phrase: "ВСУ", language: "ru", category: "war", catches: ["ВСУ"], spares: ["всё у нас хорошо"] },

  // The case
  {
    phrase: "суд",
    language: "any",
    category: "case",
    since: 2,
    except: ["судьб*", "судн*", "судорог*", "судак*", "судар*", "судок*"],
    catches: ["Как прошёл суд?", "после суда", "на суде", "судом", "суды", "судебный", "судья", "Як прайшоў суд?", "у судзе", "суддзя"],
    spares: ["Такая у меня судьба", "судорога свела ногу", "посуда чистая", "морские судна"],
  },
  {
    phrase: "стать",
    language: "ru",
    category: "case",
    since: 2,
    except: ["стать", "статься", "стать* в журнал*", "стать* в газет*", "стать* в интернет*"],
    catches: ["Тебя осудили по статье 342?", "статьи", "статью", "статьёй", "статья 342"],
    spares: ["Хочу стать врачом", "Прочитала интересную статью в журнале", "статья в журнале про кошек"],
  },
  { phrase: "статей", language: "ru", category: "case", since: 2, except: ["статей в журнал*", "статей в газет*"], catches: ["по сколько статей"], spares: ["много статей в журнале"] },
  { phrase: "осуд", language: "ru", category: "case", since: 2, catches: ["Тебя осудили", "осудят"] },
  { phrase: "осужд", language: "ru", category: "case", since: 2, catches: ["осуждённых", "осуждён"] },
  { phrase: "асудж", language: "be", category: "case", since: 2, catches: ["асуджаны"] },
  {
    phrase: "артыкул",
    language: "be",
    category: "case",
    except: ["артыкул* у часопіс*", "артыкул* у газет*"],
    catches: ["па артыкуле 342", "артыкул"],
    spares: ["Чытала цікавы артыкул у часопісе"],
  },
  { phrase: "уголовн", language: "ru", category: "case", catches: ["уголовное дело"] },
  { phrase: "крымінальн", language: "be", category: "case", catches: ["крымінальная справа"] },
  { phrase: "следовател", language: "ru", category: "case", catches: ["следователь", "следователю"] },
  { phrase: "следч", language: "be", category: "case", catches: ["следчы"] },
  { phrase: "адвокат", language: "ru", category: "case", catches: ["адвокат", "адвокатом"] },
  { phrase: "адвакат", language: "be", category: "case", catches: ["адвакатка"] },
  { phrase: "lawyer", language: "en", category: "case", since: 2, catches: ["your lawyer"] },
  { phrase: "приговор", language: "ru", category: "case", catches: ["приговор", "приговорили"] },
  { phrase: "прысуд", language: "be", category: "case", catches: ["прысуд"] },
  { phrase: "экстремис", language: "ru", category: "case", catches: ["экстремистский"] },
  { phrase: "экстрэміс", language: "be", category: "case", since: 2, catches: ["экстрэмісцкі"] },

  // Freedom
  {
    phrase: "свобод",
    language: "ru",
    category: "freedom",
    except: ["свободн* врем*", "свободн* ден*", "свободн* дн*", "свободн* минут*", "свободн* час*", "свободн* мест*"],
    catches: ["свобода", "на свободе", "свободу", "свободная Беларусь"],
    spares: ["В свободное время читаю", "У меня свободный день", "свободного времени мало", "свободные минуты", "свободных мест нет"],
  },
  {
    phrase: "свабод",
    language: "be",
    category: "freedom",
    except: ["свабодн* час*", "свабодн* дзень", "свабодн* дн*", "свабодн* хвілін*", "свабодн* месц*"],
    catches: ["свабода", "на свабодзе"],
    spares: ["У свабодны час чытаю кнігі", "свабодны дзень"],
  },
  { phrase: "воля", language: "any", category: "freedom", catches: ["воля"] },
  {
    phrase: "на вол",
    language: "any",
    category: "freedom",
    since: 2,
    except: ["на волейбол*", "на волн*", "на волос*", "на волг*"],
    catches: ["выйти на волю", "скоро будешь на воле", "на волі"],
    spares: ["ходим на волейбол", "настроился на волну", "висит на волоске"],
  },
  { phrase: "освобод", language: "ru", category: "freedom", since: 2, catches: ["Скоро тебя освободят", "освободили"] },
  { phrase: "освобожд", language: "ru", category: "freedom", catches: ["освобождение", "освобождают"] },
  { phrase: "вызвал", language: "be", category: "freedom", since: 2, catches: ["хутка цябе вызваляць", "вызваленне"], spares: ["Вчера он вызвал врача, и теперь всё хорошо, мы дома."] },
  { phrase: "freedom", language: "en", category: "freedom", catches: ["Freedom for all"] },

  // Fight
  { phrase: "борьб", language: "ru", category: "fight", catches: ["борьба", "борьбу"] },
  { phrase: "барацьб", language: "be", category: "fight", catches: ["барацьба"] },
  { phrase: "борот", language: "ru", category: "fight", catches: ["бороться"] },
  { phrase: "борем", language: "ru", category: "fight", since: 2, catches: ["мы боремся за тебя"] },
  { phrase: "борет", language: "ru", category: "fight", since: 2, catches: ["она борется"] },
  { phrase: "борют", language: "ru", category: "fight", since: 2, catches: ["все борются"] },
  { phrase: "борол", language: "ru", category: "fight", since: 2, catches: ["мы боролись"] },
  { phrase: "змага", language: "be", category: "fight", catches: ["змагары", "змагаемся"] },
  { phrase: "сопротивл", language: "ru", category: "fight", catches: ["сопротивление"] },
  { phrase: "супраціў", language: "be", category: "fight", catches: ["супраціў"] },
  { phrase: "партизан", language: "ru", category: "fight", catches: ["партизаны"] },
  { phrase: "партызан", language: "be", category: "fight", catches: ["партызаны"] },

  // Slogans
  { phrase: "Жыве Беларусь", language: "be", category: "slogan", catches: ["Жыве Беларусь!", "жыве, беларусь"] },
  { phrase: "Жыве вечна", language: "be", category: "slogan", since: 2, catches: ["Жыве вечна!"] },
  { phrase: "Живе Беларусь", language: "ru", category: "slogan", catches: ["Живе Беларусь!"] },
  { phrase: "Живе вечно", language: "ru", category: "slogan", since: 2, catches: ["Живе вечно!"] },
  { phrase: "Слава Украине", language: "ru", category: "slogan", catches: ["Слава Украине!"] },
  { phrase: "Слава Украіне", language: "be", category: "slogan", catches: ["Слава Украіне!"] },
  { phrase: "Слава Україні", language: "any", category: "slogan", since: 2, catches: ["Слава Україні!"] },
  { phrase: "Героям слава", language: "any", category: "slogan", catches: ["Героям слава!"] },
  { phrase: "Верым, можам, пераможам", language: "be", category: "slogan", catches: ["Верым! Можам! Пераможам!"] },
  { phrase: "Верим, можем, победим", language: "ru", category: "slogan", catches: ["Верим, можем, победим!"] },
  { phrase: "УХОДИ", language: "ru", category: "slogan", since: 2, catches: ["Уходи!"], spares: ["Он уходит рано", "уходить не хочу"] },
  { phrase: "СЫХОДЗЬ", language: "be", category: "slogan", since: 2, catches: ["Сыходзь!"], spares: ["сыходзіць рана"] },
  { phrase: "Slava Ukraini", language: "en", category: "slogan", catches: ["Slava Ukraini!"] },
  { phrase: "Free Belarus", language: "en", category: "slogan", catches: ["Free Belarus!"] },

  // Ciphers and hidden meanings
  { phrase: "шифр", language: "ru", category: "cipher", catches: ["шифр", "зашифровано? нет, шифровка"] },
  { phrase: "шыфр", language: "be", category: "cipher", catches: ["шыфр"] },
  { phrase: "кодов", language: "ru", category: "cipher", catches: ["кодовое слово"], spares: ["Кодекс поведения"] },
  { phrase: "между строк", language: "ru", category: "cipher", catches: ["читай между строк"] },
  { phrase: "паміж радкоў", language: "be", category: "cipher", catches: ["чытай паміж радкоў"] },

  // Abbreviations (capitals: whole words only)
  { phrase: "ИМХО", language: "ru", category: "abbreviation", catches: ["имхо"] },
  { phrase: "ЛОЛ", language: "ru", category: "abbreviation", catches: ["лол"] },
  { phrase: "ОМОН", language: "ru", category: "abbreviation", catches: ["ОМОН"] },
  { phrase: "АМАП", language: "be", category: "abbreviation", catches: ["АМАП"] },
  { phrase: "КГБ", language: "ru", category: "abbreviation", catches: ["КГБ"] },
  { phrase: "КДБ", language: "be", category: "abbreviation", catches: ["КДБ"] },
  { phrase: "ГУБОПиК", language: "ru", category: "abbreviation", catches: ["ГУБОПиК"] },
  { phrase: "ЕС", language: "any", category: "abbreviation", catches: ["санкции ЕС"], spares: ["если есть время"] },
  { phrase: "ДР", language: "ru", category: "abbreviation", catches: ["с ДР!"], spares: ["другой друг"] },
  { phrase: "IMHO", language: "en", category: "abbreviation", catches: ["IMHO"] },

  // Insults to officials
  { phrase: "МЕНТ", language: "ru", category: "insult", catches: ["мент"], spares: ["ментальный", "момент"] },
  { phrase: "менты", language: "ru", category: "insult", catches: ["менты"] },
  { phrase: "ментов", language: "ru", category: "insult", catches: ["ментовка"] },
  { phrase: "мусора", language: "ru", category: "insult", catches: ["мусора"], spares: ["мусор вынесли"] },
  { phrase: "сатрап", language: "any", category: "insult", catches: ["сатрапы"] },
  { phrase: "таракан", language: "any", category: "insult", catches: ["таракан"] },
  { phrase: "вертуха", language: "ru", category: "insult", since: 2, catches: ["вертухай", "вертухаи"] },
  { phrase: "ябатьк", language: "any", category: "insult", catches: ["ябатьки"] },

  // Other
  { phrase: "голодовк", language: "ru", category: "other", catches: ["голодовка"] },
  { phrase: "галадоўк", language: "be", category: "other", catches: ["галадоўка", "галадоуку"] },
];
