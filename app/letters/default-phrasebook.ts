/**
 * Ready sentences for volunteers who write neither Russian nor Belarusian.
 * Warm, simple, censor-safe: no politics, no slogans, nothing about the case,
 * no "freedom". Forms are gender-neutral where Russian and Belarusian allow it
 * (polite "вы", plural or impersonal verbs, "Здравствуйте, …!" rather than the
 * masculine "Дорогой друг"). "…" marks a place for a name or a word. Ids are stable: the UI and saved preferences may refer to them.
 */
export interface PhrasebookEntry {
  id: string;
  category: "template" | "greeting" | "wishes" | "seasons" | "holidays" | "support" | "closing" | "about-me";
  ru: string;
  be: string;
  meaning: { en: string; ru: string; be: string };
}

export const DEFAULT_PHRASEBOOK: PhrasebookEntry[] = [
  // Templates: a whole short letter to start from; "…" marks what to fill in.
  {
    id: "template-first-letter",
    category: "template",
    ru: "Здравствуйте, …!\n\nМеня зовут … . Пишу вам впервые, чтобы сказать: вас помнят и о вас думают.\n\nУ нас сейчас … . Я люблю … и … .\n\nЖелаю вам здоровья, сил и терпения. Буду ждать вашего ответа.\n\nС теплом, …",
    be: "Добры дзень, …!\n\nМяне завуць … . Пішу вам упершыню, каб сказаць: вас памятаюць і пра вас думаюць.\n\nУ нас зараз … . Я люблю … і … .\n\nЖадаю вам здароўя, сіл і цярплівасці. Буду чакаць вашага адказу.\n\nЗ цеплынёй, …",
    meaning: {
      en: "Hello, …! My name is … . I am writing to you for the first time to say: you are remembered and thought of. It is … here now. I love … and … . I wish you health, strength and patience. I will be waiting for your reply. Warmly, …",
      ru: "Здравствуйте, …! Меня зовут … . Пишу вам впервые, чтобы сказать: вас помнят и о вас думают. У нас сейчас … . Я люблю … и … . Желаю вам здоровья, сил и терпения. Буду ждать вашего ответа. С теплом, …",
      be: "Добры дзень, …! Мяне завуць … . Пішу вам упершыню, каб сказаць: вас памятаюць і пра вас думаюць. У нас зараз … . Я люблю … і … . Жадаю вам здароўя, сіл і цярплівасці. Буду чакаць вашага адказу. З цеплынёй, …",
    },
  },
  {
    id: "template-birthday",
    category: "template",
    ru: "Здравствуйте, …!\n\nПоздравляю вас с днём рождения! Желаю крепкого здоровья, душевного тепла и поскорее оказаться рядом с близкими.\n\nПусть этот год принесёт вам много добрых писем.\n\nОбнимаю, …",
    be: "Добры дзень, …!\n\nВіншую вас з днём нараджэння! Жадаю моцнага здароўя, душэўнага цяпла і хутчэй апынуцца побач з блізкімі.\n\nХай гэты год прынясе вам шмат добрых лістоў.\n\nАбдымаю, …",
    meaning: {
      en: "Hello, …! Happy birthday! I wish you good health, warmth of heart, and to be with your loved ones soon. May this year bring you many kind letters. A hug, …",
      ru: "Здравствуйте, …! Поздравляю с днём рождения! Желаю крепкого здоровья, душевного тепла и поскорее оказаться рядом с близкими. Пусть этот год принесёт много добрых писем. Обнимаю, …",
      be: "Добры дзень, …! Віншую з днём нараджэння! Жадаю моцнага здароўя, душэўнага цяпла і хутчэй апынуцца побач з блізкімі. Хай гэты год прынясе шмат добрых лістоў. Абдымаю, …",
    },
  },
  {
    id: "template-postcard",
    category: "template",
    ru: "Здравствуйте, …! Шлю вам привет и тёплые пожелания. Берегите себя. Вы не забыты! …",
    be: "Добры дзень, …! Шлю вам прывітанне і цёплыя пажаданні. Беражыце сябе. Вы не забытыя! …",
    meaning: {
      en: "Hello, …! Sending you greetings and warm wishes. Take care of yourself. You are not forgotten! …",
      ru: "Здравствуйте, …! Шлю вам привет и тёплые пожелания. Берегите себя. Вы не забыты! …",
      be: "Добры дзень, …! Шлю вам прывітанне і цёплыя пажаданні. Беражыце сябе. Вы не забытыя! …",
    },
  },
  // Greetings
  {
    id: "greeting-hello",
    category: "greeting",
    ru: "Здравствуйте, …!",
    be: "Добры дзень, …!",
    meaning: { en: "Hello, …!", ru: "Здравствуйте, …!", be: "Добры дзень, …!" },
  },
  {
    id: "greeting-warmly",
    category: "greeting",
    ru: "Добрый день, …! Пишу вам с большим теплом.",
    be: "Добры дзень, …! Пішу вам з вялікай цеплынёй.",
    meaning: {
      en: "Good day, …! I am writing to you with great warmth.",
      ru: "Добрый день, …! Пишу вам с большим теплом.",
      be: "Добры дзень, …! Пішу вам з вялікай цеплынёй.",
    },
  },
  {
    id: "greeting-first-letter",
    category: "greeting",
    ru: "Меня зовут …, и я пишу вам впервые.",
    be: "Мяне завуць …, і я пішу вам упершыню.",
    meaning: {
      en: "My name is …, and this is my first letter to you.",
      ru: "Меня зовут …, и я пишу вам впервые.",
      be: "Мяне завуць …, і я пішу вам упершыню.",
    },
  },
  {
    id: "greeting-hope-well",
    category: "greeting",
    ru: "Надеюсь, это письмо застанет вас в добром здравии.",
    be: "Спадзяюся, гэты ліст застане вас у добрым здароўі.",
    meaning: {
      en: "I hope this letter finds you in good health.",
      ru: "Надеюсь, это письмо застанет вас в добром здравии.",
      be: "Спадзяюся, гэты ліст застане вас у добрым здароўі.",
    },
  },
  {
    id: "greeting-send-regards",
    category: "greeting",
    ru: "Хочу передать вам привет и пожелать хорошего дня.",
    be: "Хачу перадаць вам прывітанне і пажадаць добрага дня.",
    meaning: {
      en: "I want to say hello and wish you a good day.",
      ru: "Хочу передать вам привет и пожелать хорошего дня.",
      be: "Хачу перадаць вам прывітанне і пажадаць добрага дня.",
    },
  },

  // Wishes
  {
    id: "wishes-health",
    category: "wishes",
    ru: "Желаю вам крепкого здоровья.",
    be: "Жадаю вам моцнага здароўя.",
    meaning: { en: "I wish you good health.", ru: "Желаю вам крепкого здоровья.", be: "Жадаю вам моцнага здароўя." },
  },
  {
    id: "wishes-strength-patience",
    category: "wishes",
    ru: "Желаю вам сил и терпения.",
    be: "Жадаю вам сіл і цярплівасці.",
    meaning: {
      en: "I wish you strength and patience.",
      ru: "Желаю вам сил и терпения.",
      be: "Жадаю вам сіл і цярплівасці.",
    },
  },
  {
    id: "wishes-calm-warmth",
    category: "wishes",
    ru: "Желаю вам спокойствия и тепла.",
    be: "Жадаю вам спакою і цяпла.",
    meaning: {
      en: "I wish you calm and warmth.",
      ru: "Желаю вам спокойствия и тепла.",
      be: "Жадаю вам спакою і цяпла.",
    },
  },
  {
    id: "wishes-good-every-day",
    category: "wishes",
    ru: "Пусть каждый день приносит вам что-то хорошее.",
    be: "Няхай кожны дзень прыносіць вам нешта добрае.",
    meaning: {
      en: "May every day bring you something good.",
      ru: "Пусть каждый день приносит вам что-то хорошее.",
      be: "Няхай кожны дзень прыносіць вам нешта добрае.",
    },
  },
  {
    id: "wishes-good-news",
    category: "wishes",
    ru: "Пусть вас чаще радуют добрые вести от близких.",
    be: "Няхай вас часцей радуюць добрыя навіны ад блізкіх.",
    meaning: {
      en: "May good news from your loved ones make you happy more often.",
      ru: "Пусть вас чаще радуют добрые вести от близких.",
      be: "Няхай вас часцей радуюць добрыя навіны ад блізкіх.",
    },
  },
  {
    id: "wishes-sleep",
    category: "wishes",
    ru: "Желаю вам спокойных ночей и добрых снов.",
    be: "Жадаю вам спакойных начэй і добрых сноў.",
    meaning: {
      en: "I wish you peaceful nights and good dreams.",
      ru: "Желаю вам спокойных ночей и добрых снов.",
      be: "Жадаю вам спакойных начэй і добрых сноў.",
    },
  },
  {
    id: "wishes-many-letters",
    category: "wishes",
    ru: "Пусть у вас будет много писем и добрых слов.",
    be: "Няхай у вас будзе шмат лістоў і добрых слоў.",
    meaning: {
      en: "May you receive many letters and kind words.",
      ru: "Пусть у вас будет много писем и добрых слов.",
      be: "Няхай у вас будзе шмат лістоў і добрых слоў.",
    },
  },

  // Seasons
  {
    id: "seasons-winter-first-snow",
    category: "seasons",
    ru: "У нас выпал первый снег, и всё вокруг стало белым.",
    be: "У нас выпаў першы снег, і ўсё вакол стала белым.",
    meaning: {
      en: "The first snow has fallen here, and everything is white.",
      ru: "У нас выпал первый снег, и всё вокруг стало белым.",
      be: "У нас выпаў першы снег, і ўсё вакол стала белым.",
    },
  },
  {
    id: "seasons-winter-frost",
    category: "seasons",
    ru: "Зима в этом году морозная и солнечная.",
    be: "Зіма ў гэтым годзе марозная і сонечная.",
    meaning: {
      en: "This winter is frosty and sunny.",
      ru: "Зима в этом году морозная и солнечная.",
      be: "Зіма ў гэтым годзе марозная і сонечная.",
    },
  },
  {
    id: "seasons-spring-thaw",
    category: "seasons",
    ru: "Снег растаял, и дни стали длиннее.",
    be: "Снег растаў, і дні сталі даўжэйшымі.",
    meaning: {
      en: "The snow has melted, and the days are getting longer.",
      ru: "Снег растаял, и дни стали длиннее.",
      be: "Снег растаў, і дні сталі даўжэйшымі.",
    },
  },
  {
    id: "seasons-spring-birds",
    category: "seasons",
    ru: "Прилетели птицы, и по утрам они громко поют.",
    be: "Прыляцелі птушкі, і раніцай яны гучна спяваюць.",
    meaning: {
      en: "The birds have come back, and they sing loudly in the mornings.",
      ru: "Прилетели птицы, и по утрам они громко поют.",
      be: "Прыляцелі птушкі, і раніцай яны гучна спяваюць.",
    },
  },
  {
    id: "seasons-summer-garden",
    category: "seasons",
    ru: "Лето было тёплым, в саду много ягод и яблок.",
    be: "Лета было цёплае, у садзе шмат ягад і яблыкаў.",
    meaning: {
      en: "The summer was warm; there are lots of berries and apples in the garden.",
      ru: "Лето было тёплым, в саду много ягод и яблок.",
      be: "Лета было цёплае, у садзе шмат ягад і яблыкаў.",
    },
  },
  {
    id: "seasons-summer-evenings",
    category: "seasons",
    ru: "Летние вечера длинные и светлые.",
    be: "Летнія вечары доўгія і светлыя.",
    meaning: {
      en: "Summer evenings are long and light.",
      ru: "Летние вечера длинные и светлые.",
      be: "Летнія вечары доўгія і светлыя.",
    },
  },
  {
    id: "seasons-autumn-leaves",
    category: "seasons",
    ru: "Осень в этом году золотая, листья жёлтые и красные.",
    be: "Восень сёлета залатая, лісце жоўтае і чырвонае.",
    meaning: {
      en: "This autumn is golden, the leaves are yellow and red.",
      ru: "Осень в этом году золотая, листья жёлтые и красные.",
      be: "Восень сёлета залатая, лісце жоўтае і чырвонае.",
    },
  },
  {
    id: "seasons-autumn-rain",
    category: "seasons",
    ru: "За окном идёт дождь, а дома пахнет чаем с мятой.",
    be: "За акном ідзе дождж, а дома пахне гарбатай з мятай.",
    meaning: {
      en: "It is raining outside, and the house smells of mint tea.",
      ru: "За окном идёт дождь, а дома пахнет чаем с мятой.",
      be: "За акном ідзе дождж, а дома пахне гарбатай з мятай.",
    },
  },

  // Holidays
  {
    id: "holidays-new-year",
    category: "holidays",
    ru: "С Новым годом! Пусть он будет добрым и спокойным.",
    be: "З Новым годам! Няхай ён будзе добрым і спакойным.",
    meaning: {
      en: "Happy New Year! May it be kind and peaceful.",
      ru: "С Новым годом! Пусть он будет добрым и спокойным.",
      be: "З Новым годам! Няхай ён будзе добрым і спакойным.",
    },
  },
  {
    id: "holidays-christmas-december",
    category: "holidays",
    ru: "Поздравляю вас с Рождеством! Пусть в вашем сердце будет свет.",
    be: "Віншую вас з Калядамі! Няхай у вашым сэрцы будзе святло.",
    meaning: {
      en: "Merry Christmas (25 December)! May there be light in your heart.",
      ru: "С Рождеством (25 декабря)! Пусть в вашем сердце будет свет.",
      be: "З Калядамі (25 снежня)! Няхай у вашым сэрцы будзе святло.",
    },
  },
  {
    id: "holidays-christmas-january",
    category: "holidays",
    ru: "С Рождеством Христовым! Тепла и света вам в эти зимние дни.",
    be: "З Нараджэннем Хрыстовым! Цяпла і святла вам у гэтыя зімовыя дні.",
    meaning: {
      en: "Merry Christmas (7 January)! Warmth and light to you in these winter days.",
      ru: "С Рождеством Христовым (7 января)! Тепла и света в эти зимние дни.",
      be: "З Нараджэннем Хрыстовым (7 студзеня)! Цяпла і святла ў гэтыя зімовыя дні.",
    },
  },
  {
    id: "holidays-easter",
    category: "holidays",
    ru: "Христос воскрес! Светлой вам Пасхи.",
    be: "Хрыстос уваскрос! Светлага вам Вялікадня.",
    meaning: {
      en: "Christ is risen! Happy Easter.",
      ru: "Христос воскрес! Светлой вам Пасхи.",
      be: "Хрыстос уваскрос! Светлага вам Вялікадня.",
    },
  },
  {
    id: "holidays-birthday",
    category: "holidays",
    ru: "С днём рождения! Желаю здоровья, тепла и хороших людей рядом.",
    be: "З днём нараджэння! Жадаю здароўя, цяпла і добрых людзей побач.",
    meaning: {
      en: "Happy birthday! I wish you health, warmth and good people around you.",
      ru: "С днём рождения! Желаю здоровья, тепла и хороших людей рядом.",
      be: "З днём нараджэння! Жадаю здароўя, цяпла і добрых людзей побач.",
    },
  },
  {
    id: "holidays-womens-day",
    category: "holidays",
    ru: "Поздравляю с 8 Марта! Пусть этот день принесёт вам радость.",
    be: "Віншую з 8 Сакавіка! Няхай гэты дзень прынясе вам радасць.",
    meaning: {
      en: "Happy Women's Day, 8 March! May this day bring you joy.",
      ru: "С 8 Марта! Пусть этот день принесёт вам радость.",
      be: "З 8 Сакавіка! Няхай гэты дзень прынясе вам радасць.",
    },
  },
  {
    id: "holidays-kupalle",
    category: "holidays",
    ru: "С праздником Ивана Купалы! Пусть это лето будет светлым.",
    be: "Са святам Купалля! Няхай гэтае лета будзе светлым.",
    meaning: {
      en: "Happy Kupalle (midsummer)! May this summer be bright.",
      ru: "С праздником Ивана Купалы! Пусть это лето будет светлым.",
      be: "Са святам Купалля! Няхай гэтае лета будзе светлым.",
    },
  },
  {
    id: "holidays-any",
    category: "holidays",
    ru: "Поздравляю вас с праздником!",
    be: "Віншую вас са святам!",
    meaning: { en: "Happy holiday to you!", ru: "Поздравляю вас с праздником!", be: "Віншую вас са святам!" },
  },

  // Support
  {
    id: "support-remember",
    category: "support",
    ru: "Мы о вас помним и часто вспоминаем.",
    be: "Мы пра вас памятаем і часта ўспамінаем.",
    meaning: {
      en: "We remember you and think of you often.",
      ru: "Мы о вас помним и часто вспоминаем.",
      be: "Мы пра вас памятаем і часта ўспамінаем.",
    },
  },
  {
    id: "support-not-alone",
    category: "support",
    ru: "Вы не одни: о вас думают многие люди.",
    be: "Вы не адны: пра вас думае шмат людзей.",
    meaning: {
      en: "You are not alone: many people think of you.",
      ru: "Вы не одни: о вас думают многие люди.",
      be: "Вы не адны: пра вас думае шмат людзей.",
    },
  },
  {
    id: "support-thinking",
    category: "support",
    ru: "Я часто думаю о вас и ваших близких.",
    be: "Я часта думаю пра вас і вашых блізкіх.",
    meaning: {
      en: "I often think of you and your family.",
      ru: "Я часто думаю о вас и ваших близких.",
      be: "Я часта думаю пра вас і вашых блізкіх.",
    },
  },
  {
    id: "support-want-to-know",
    category: "support",
    ru: "Нам очень важно знать, как у вас дела.",
    be: "Нам вельмі важна ведаць, як у вас справы.",
    meaning: {
      en: "It matters a lot to us to know how you are.",
      ru: "Нам очень важно знать, как у вас дела.",
      be: "Нам вельмі важна ведаць, як у вас справы.",
    },
  },
  {
    id: "support-thank-you",
    category: "support",
    ru: "Спасибо вам за ваше тепло и доброту.",
    be: "Дзякуй вам за вашу цеплыню і дабрыню.",
    meaning: {
      en: "Thank you for your warmth and kindness.",
      ru: "Спасибо вам за ваше тепло и доброту.",
      be: "Дзякуй вам за вашу цеплыню і дабрыню.",
    },
  },
  {
    id: "support-all-will-be-well",
    category: "support",
    ru: "Всё обязательно будет хорошо.",
    be: "Усё абавязкова будзе добра.",
    meaning: {
      en: "Everything will be all right.",
      ru: "Всё обязательно будет хорошо.",
      be: "Усё абавязкова будзе добра.",
    },
  },
  {
    id: "support-hug",
    category: "support",
    ru: "Обнимаю вас и шлю вам тепло.",
    be: "Абдымаю вас і дасылаю вам цяпло.",
    meaning: {
      en: "A hug and warmth to you.",
      ru: "Обнимаю вас и шлю вам тепло.",
      be: "Абдымаю вас і дасылаю вам цяпло.",
    },
  },

  // Closing
  {
    id: "closing-wait-reply",
    category: "closing",
    ru: "Жду ответа, если будет возможность.",
    be: "Чакаю адказу, калі будзе магчымасць.",
    meaning: {
      en: "I look forward to your reply, if you have the chance.",
      ru: "Жду ответа, если будет возможность.",
      be: "Чакаю адказу, калі будзе магчымасць.",
    },
  },
  {
    id: "closing-with-warmth",
    category: "closing",
    ru: "С теплом, …",
    be: "З цеплынёй, …",
    meaning: { en: "With warmth, …", ru: "С теплом, …", be: "З цеплынёй, …" },
  },
  {
    id: "closing-take-care",
    category: "closing",
    ru: "Берегите себя.",
    be: "Беражыце сябе.",
    meaning: { en: "Take care of yourself.", ru: "Берегите себя.", be: "Беражыце сябе." },
  },
  {
    id: "closing-until-next-letter",
    category: "closing",
    ru: "До следующего письма!",
    be: "Да наступнага ліста!",
    meaning: { en: "Until my next letter!", ru: "До следующего письма!", be: "Да наступнага ліста!" },
  },

  // About me
  {
    id: "about-me-city",
    category: "about-me",
    ru: "Там, где я живу, сейчас тихо и красиво.",
    be: "Там, дзе я жыву, зараз ціха і прыгожа.",
    meaning: {
      en: "Where I live it is quiet and beautiful now.",
      ru: "Там, где я живу, сейчас тихо и красиво.",
      be: "Там, дзе я жыву, зараз ціха і прыгожа.",
    },
  },
  {
    id: "about-me-cat",
    category: "about-me",
    ru: "У меня есть кот, его зовут …",
    be: "У мяне ёсць кот, яго завуць …",
    meaning: { en: "I have a cat called …", ru: "У меня есть кот, его зовут …", be: "У мяне ёсць кот, яго завуць …" },
  },
  {
    id: "about-me-library",
    category: "about-me",
    ru: "Я работаю в библиотеке.",
    be: "Я працую ў бібліятэцы.",
    meaning: { en: "I work in a library.", ru: "Я работаю в библиотеке.", be: "Я працую ў бібліятэцы." },
  },
  {
    id: "about-me-garden",
    category: "about-me",
    ru: "Летом я выращиваю на даче помидоры и цветы.",
    be: "Летам я вырошчваю на лецішчы памідоры і кветкі.",
    meaning: {
      en: "In summer I grow tomatoes and flowers at my country house.",
      ru: "Летом я выращиваю на даче помидоры и цветы.",
      be: "Летам я вырошчваю на лецішчы памідоры і кветкі.",
    },
  },
  {
    id: "about-me-reading",
    category: "about-me",
    ru: "Сейчас я читаю интересную книгу.",
    be: "Зараз я чытаю цікавую кнігу.",
    meaning: {
      en: "I am reading an interesting book right now.",
      ru: "Сейчас я читаю интересную книгу.",
      be: "Зараз я чытаю цікавую кнігу.",
    },
  },
  {
    id: "about-me-walks",
    category: "about-me",
    ru: "Я очень люблю гулять в парке по вечерам.",
    be: "Я вельмі люблю гуляць у парку вечарамі.",
    meaning: {
      en: "I really like walking in the park in the evenings.",
      ru: "Я очень люблю гулять в парке по вечерам.",
      be: "Я вельмі люблю гуляць у парку вечарамі.",
    },
  },
  {
    id: "about-me-baking",
    category: "about-me",
    ru: "Вчера мы пекли пирог с яблоками.",
    be: "Учора мы пяклі пірог з яблыкамі.",
    meaning: {
      en: "Yesterday we baked an apple pie.",
      ru: "Вчера мы пекли пирог с яблоками.",
      be: "Учора мы пяклі пірог з яблыкамі.",
    },
  },
];

/**
 * Corrections made to shipped entries after version 1, as [old, new] pieces
 * per entry. An installation's stored copy of an entry is corrected when its
 * text is still exactly the old shipped text (a coordinator's own wording is
 * never overwritten): see ensureWritingHelp().
 */
export const PHRASEBOOK_CORRECTIONS: Record<string, [string, string][]> = {
  "template-first-letter": [
    // Safety advice: a letter never says where its writer lives.
    ["Меня зовут …, я живу в … .", "Меня зовут … ."],
    ["Мяне завуць …, я жыву ў … .", "Мяне завуць … ."],
    ["My name is …, I live in … .", "My name is … ."],
    ["Буду рада или рад получить от вас ответ.", "Буду ждать вашего ответа."],
    ["Буду рада или рад получить ответ.", "Буду ждать вашего ответа."],
    ["Буду рады атрымаць ад вас адказ.", "Буду чакаць вашага адказу."],
    ["Буду рады атрымаць адказ.", "Буду чакаць вашага адказу."],
    ["Here it is … now.", "It is … here now."],
    ["I would be glad to hear from you.", "I will be waiting for your reply."],
  ],
  // Safety advice: no phrase asks for the writer's town.
  "about-me-city": [
    ["Я живу в …, это небольшой город.", "Там, где я живу, сейчас тихо и красиво."],
    ["Я жыву ў …, гэта невялікі горад.", "Там, дзе я жыву, зараз ціха і прыгожа."],
    ["I live in …, it is a small town.", "Where I live it is quiet and beautiful now."],
  ],
  "template-birthday": [
    ["Дорогой друг …!", "Здравствуйте, …!"],
    ["Дарагі сябар …!", "Добры дзень, …!"],
    ["Dear friend …!", "Hello, …!"],
  ],
  "wishes-sleep": [
    ["спокойного сна и хороших снов", "спокойных ночей и добрых снов"],
    ["спакойнага сну і добрых сноў", "спакойных начэй і добрых сноў"],
    ["restful sleep and good dreams", "peaceful nights and good dreams"],
  ],
  "holidays-kupalle": [["С праздником Купалья!", "С праздником Ивана Купалы!"]],
};
