"""Texts of the demo catalogue in the four languages (en, fr, es, ar). Data only; training.demo loads it."""

# code: (programme, {language: name})
TOPICS = {
    "foreign-terrorist-fighters": (
        "counter_terrorism",
        {
            "en": "Foreign terrorist fighters",
            "fr": "Combattants terroristes étrangers",
            "es": "Combatientes terroristas extranjeros",
            "ar": "المقاتلون الإرهابيون الأجانب",
        },
    ),
    "cbrne": (
        "counter_terrorism",
        {
            "en": "Chemical, biological, radiological, nuclear and explosive threats",
            "fr": "Menaces nucléaires, radiologiques, biologiques, chimiques et explosives",
            "es": "Amenazas químicas, biológicas, radiológicas, nucleares y explosivas",
            "ar": "التهديدات الكيميائية والبيولوجية والإشعاعية والنووية والمتفجرات",
        },
    ),
    "digital-evidence": (
        "cybercrime",
        {"en": "Digital evidence", "fr": "Preuve numérique", "es": "Evidencia digital", "ar": "الأدلة الرقمية"},
    ),
    "ransomware": (
        "cybercrime",
        {
            "en": "Ransomware and online fraud",
            "fr": "Rançongiciels et escroqueries en ligne",
            "es": "Ransomware y fraude en línea",
            "ar": "برمجيات الفدية والاحتيال الإلكتروني",
        },
    ),
    "cryptocurrency": (
        "cybercrime",
        {
            "en": "Cryptocurrency investigations",
            "fr": "Enquêtes sur les cryptomonnaies",
            "es": "Investigaciones sobre criptomonedas",
            "ar": "التحقيقات في العملات المشفرة",
        },
    ),
    "human-trafficking": (
        "organized_crime",
        {
            "en": "Human trafficking and migrant smuggling",
            "fr": "Traite des êtres humains et trafic de migrants",
            "es": "Trata de personas y tráfico ilícito de migrantes",
            "ar": "الاتجار بالبشر وتهريب المهاجرين",
        },
    ),
    "financial-crime": (
        "organized_crime",
        {
            "en": "Financial crime and money laundering",
            "fr": "Criminalité financière et blanchiment",
            "es": "Delitos financieros y blanqueo de capitales",
            "ar": "الجرائم المالية وغسل الأموال",
        },
    ),
    "environmental-crime": (
        "organized_crime",
        {
            "en": "Environmental crime",
            "fr": "Criminalité environnementale",
            "es": "Delitos contra el medio ambiente",
            "ar": "الجرائم البيئية",
        },
    ),
    "travel-documents": (
        "databases",
        {
            "en": "Travel document checks",
            "fr": "Contrôle des documents de voyage",
            "es": "Control de documentos de viaje",
            "ar": "فحص وثائق السفر",
        },
    ),
    "border-screening": (
        "databases",
        {
            "en": "Border screening",
            "fr": "Filtrage aux frontières",
            "es": "Control en fronteras",
            "ar": "الفحص الأمني على الحدود",
        },
    ),
    "fingerprints": (
        "forensics",
        {"en": "Fingerprints", "fr": "Empreintes digitales", "es": "Huellas dactilares", "ar": "بصمات الأصابع"},
    ),
    "dna": (
        "forensics",
        {"en": "DNA profiling", "fr": "Profils ADN", "es": "Perfiles de ADN", "ar": "سمات الحمض النووي"},
    ),
    "dvi": (
        "forensics",
        {
            "en": "Disaster victim identification",
            "fr": "Identification des victimes de catastrophes",
            "es": "Identificación de víctimas de catástrofes",
            "ar": "التعرف على ضحايا الكوارث",
        },
    ),
    "operational-analysis": (
        "criminal_analysis",
        {
            "en": "Operational analysis",
            "fr": "Analyse opérationnelle",
            "es": "Análisis operativo",
            "ar": "التحليل العملياتي",
        },
    ),
    "strategic-analysis": (
        "criminal_analysis",
        {
            "en": "Strategic analysis",
            "fr": "Analyse stratégique",
            "es": "Análisis estratégico",
            "ar": "التحليل الاستراتيجي",
        },
    ),
    "fugitive-tracing": (
        "fugitive_investigations",
        {
            "en": "Tracing fugitives",
            "fr": "Localisation des fugitifs",
            "es": "Localización de prófugos",
            "ar": "تعقب الفارين",
        },
    ),
    "red-notices": (
        "fugitive_investigations",
        {
            "en": "Red Notices and extradition",
            "fr": "Notices rouges et extradition",
            "es": "Notificaciones rojas y extradición",
            "ar": "النشرات الحمراء وتسليم المجرمين",
        },
    ),
}

# Each course: code, programme, level, format, days, topics, then title/description/objectives per language.
COURSES = [
    {
        "code": "CT-201",
        "programme": "counter_terrorism",
        "level": "intermediate",
        "format": "classroom",
        "days": 5,
        "topics": ["foreign-terrorist-fighters", "border-screening", "travel-documents"],
        "title": {
            "en": "Identifying foreign terrorist fighters at borders",
            "fr": "Détecter les combattants terroristes étrangers aux frontières",
            "es": "Detección de combatientes terroristas extranjeros en las fronteras",
            "ar": "كشف المقاتلين الإرهابيين الأجانب على الحدود",
        },
        "description": {
            "en": "Frontline officers and NCB analysts learn how to detect the travel of foreign terrorist fighters "
            "using watch lists, travel document checks and passenger data. The course combines case studies "
            "from member countries with practical exercises on the organization's databases.",
            "fr": "Les agents de première ligne et les analystes des BCN apprennent à repérer les déplacements des "
            "combattants terroristes étrangers grâce aux listes de surveillance, au contrôle des documents de "
            "voyage et aux données des passagers. Le cours associe des études de cas de pays membres à des "
            "exercices pratiques sur les bases de données de l'Organisation.",
            "es": "Los agentes de primera línea y los analistas de las OCN aprenden a detectar los desplazamientos de "
            "combatientes terroristas extranjeros mediante listas de vigilancia, controles de documentos de "
            "viaje y datos de pasajeros. El curso combina estudios de casos de países miembros con ejercicios "
            "prácticos en las bases de datos de la Organización.",
            "ar": "يتعلم الضباط العاملون في الخطوط الأمامية ومحللو المكاتب المركزية الوطنية كيفية رصد تنقلات "
            "المقاتلين الإرهابيين الأجانب باستخدام قوائم المراقبة وفحص وثائق السفر وبيانات الركاب. وتجمع "
            "الدورة بين دراسات حالة من البلدان الأعضاء وتمارين عملية على قواعد بيانات المنظمة.",
        },
        "objectives": {
            "en": "Recognize travel patterns and indicators of foreign terrorist fighters\n"
            "Check travel documents and persons against the global databases in real time\n"
            "Share information with other NCBs through the right channels",
            "fr": "Reconnaître les itinéraires et les indicateurs propres aux combattants terroristes étrangers\n"
            "Contrôler en temps réel les documents de voyage et les personnes dans les bases de données "
            "mondiales\nÉchanger des informations avec les autres BCN par les canaux appropriés",
            "es": "Reconocer los patrones de viaje y los indicadores de los combatientes terroristas extranjeros\n"
            "Consultar en tiempo real documentos de viaje y personas en las bases de datos mundiales\n"
            "Intercambiar información con otras OCN por los canales adecuados",
            "ar": "التعرف على أنماط السفر والمؤشرات الدالة على المقاتلين الإرهابيين الأجانب\n"
            "فحص وثائق السفر والأشخاص في قواعد البيانات العالمية في الوقت الفعلي\n"
            "تبادل المعلومات مع المكاتب المركزية الوطنية الأخرى عبر القنوات المناسبة",
        },
    },
    {
        "code": "CYB-101",
        "programme": "cybercrime",
        "level": "introductory",
        "format": "online",
        "days": 3,
        "topics": ["digital-evidence", "ransomware"],
        "title": {
            "en": "Fundamentals of cybercrime investigation",
            "fr": "Les fondamentaux de l'enquête sur la cybercriminalité",
            "es": "Fundamentos de la investigación de la ciberdelincuencia",
            "ar": "أساسيات التحقيق في الجرائم السيبرانية",
        },
        "description": {
            "en": "An online introduction for investigators who meet cybercrime in their daily work: ransomware, "
            "online fraud and compromised business e-mail. Participants learn to secure digital evidence and "
            "to request help from other countries quickly.",
            "fr": "Une introduction en ligne pour les enquêteurs confrontés à la cybercriminalité dans leur travail "
            "quotidien : rançongiciels, escroqueries en ligne et compromission de messageries "
            "professionnelles. Les participants apprennent à préserver la preuve numérique et à solliciter "
            "rapidement l'aide d'autres pays.",
            "es": "Una introducción en línea para investigadores que se enfrentan a la ciberdelincuencia en su "
            "trabajo diario: ransomware, fraude en línea y compromiso del correo electrónico empresarial. Los "
            "participantes aprenden a preservar la evidencia digital y a solicitar con rapidez la ayuda de "
            "otros países.",
            "ar": "مقدمة عبر الإنترنت للمحققين الذين يواجهون الجرائم السيبرانية في عملهم اليومي، مثل برمجيات "
            "الفدية والاحتيال الإلكتروني واختراق البريد الإلكتروني للشركات. ويتعلم المشاركون كيفية صون "
            "الأدلة الرقمية وطلب المساعدة من البلدان الأخرى بسرعة.",
        },
        "objectives": {
            "en": "Describe the main forms of cybercrime and how they are committed\n"
            "Preserve and seize digital evidence in a way that courts accept\n"
            "Send an urgent request for data preservation to another country",
            "fr": "Décrire les principales formes de cybercriminalité et leurs modes opératoires\n"
            "Préserver et saisir la preuve numérique de manière recevable en justice\n"
            "Adresser à un autre pays une demande urgente de conservation de données",
            "es": "Describir las principales formas de ciberdelincuencia y sus modos de operación\n"
            "Preservar e incautar la evidencia digital de forma admisible ante los tribunales\n"
            "Enviar a otro país una solicitud urgente de conservación de datos",
            "ar": "وصف الأشكال الرئيسية للجرائم السيبرانية وأساليب ارتكابها\n"
            "صون الأدلة الرقمية وضبطها بطريقة تقبلها المحاكم\n"
            "إرسال طلب عاجل إلى بلد آخر لحفظ البيانات",
        },
    },
    {
        "code": "CYB-301",
        "programme": "cybercrime",
        "level": "advanced",
        "format": "blended",
        "days": 5,
        "topics": ["cryptocurrency", "financial-crime"],
        "title": {
            "en": "Tracing cryptocurrency in criminal investigations",
            "fr": "Traçage des cryptomonnaies dans les enquêtes criminelles",
            "es": "Rastreo de criptomonedas en las investigaciones penales",
            "ar": "تتبع العملات المشفرة في التحقيقات الجنائية",
        },
        "description": {
            "en": "An advanced, blended course on following illicit funds through blockchains, mixers and "
            "exchanges. Participants work on a realistic ransomware case from the first wallet address to the "
            "seizure of assets.",
            "fr": "Un cours avancé et hybride sur le suivi des fonds illicites à travers les chaînes de blocs, les "
            "mélangeurs et les plateformes d'échange. Les participants traitent un cas réaliste de "
            "rançongiciel, de la première adresse de portefeuille jusqu'à la saisie des avoirs.",
            "es": "Un curso avanzado y semipresencial sobre el seguimiento de fondos ilícitos a través de cadenas de "
            "bloques, mezcladores y plataformas de intercambio. Los participantes trabajan en un caso realista "
            "de ransomware, desde la primera dirección de monedero hasta la incautación de los activos.",
            "ar": "دورة متقدمة بنظام التعليم المدمج حول تتبع الأموال غير المشروعة عبر سلاسل الكتل وخدمات الخلط "
            "ومنصات التداول. ويعمل المشاركون على قضية واقعية لبرمجيات الفدية، بدءًا من عنوان المحفظة الأول "
            "وصولًا إلى حجز الأصول.",
        },
        "objectives": {
            "en": "Follow transactions across blockchains and identify the services involved\n"
            "Obtain information from exchanges through lawful requests\nSeize and secure virtual assets",
            "fr": "Suivre les transactions d'une chaîne de blocs à l'autre et identifier les services impliqués\n"
            "Obtenir des informations auprès des plateformes d'échange par des demandes légales\n"
            "Saisir et sécuriser les actifs virtuels",
            "es": "Seguir las transacciones entre cadenas de bloques e identificar los servicios implicados\n"
            "Obtener información de las plataformas de intercambio mediante solicitudes legales\n"
            "Incautar y asegurar activos virtuales",
            "ar": "تتبع المعاملات عبر سلاسل الكتل وتحديد الخدمات المعنية\n"
            "الحصول على المعلومات من منصات التداول بموجب طلبات قانونية\nحجز الأصول الافتراضية وتأمينها",
        },
    },
    {
        "code": "OC-202",
        "programme": "organized_crime",
        "level": "intermediate",
        "format": "classroom",
        "days": 5,
        "topics": ["human-trafficking", "border-screening"],
        "title": {
            "en": "Countering human trafficking and migrant smuggling",
            "fr": "Lutter contre la traite des êtres humains et le trafic de migrants",
            "es": "Lucha contra la trata de personas y el tráfico ilícito de migrantes",
            "ar": "مكافحة الاتجار بالبشر وتهريب المهاجرين",
        },
        "description": {
            "en": "A classroom course on identifying victims, interviewing them with care and dismantling the "
            "criminal networks that exploit them. Regional case studies show how joint operations between "
            "member countries are prepared.",
            "fr": "Un cours en présentiel consacré à l'identification des victimes, à leur audition dans le respect "
            "de leur situation et au démantèlement des réseaux criminels qui les exploitent. Des études de cas "
            "régionales montrent comment se préparent les opérations conjointes entre pays membres.",
            "es": "Un curso presencial sobre la identificación de víctimas, su entrevista con el debido cuidado y el "
            "desmantelamiento de las redes delictivas que las explotan. Estudios de casos regionales muestran "
            "cómo se preparan las operaciones conjuntas entre países miembros.",
            "ar": "دورة حضورية تتناول تحديد هوية الضحايا وإجراء المقابلات معهم بعناية وتفكيك الشبكات الإجرامية "
            "التي تستغلهم. وتوضح دراسات حالة إقليمية كيفية التحضير للعمليات المشتركة بين البلدان الأعضاء.",
        },
        "objectives": {
            "en": "Recognize indicators of trafficking and smuggling\n"
            "Interview victims with a victim-centred approach\nPlan a joint operation with other NCBs",
            "fr": "Reconnaître les indicateurs de traite et de trafic de migrants\n"
            "Auditionner les victimes selon une approche centrée sur la victime\n"
            "Planifier une opération conjointe avec d'autres BCN",
            "es": "Reconocer los indicadores de trata y de tráfico ilícito de migrantes\n"
            "Entrevistar a las víctimas con un enfoque centrado en ellas\n"
            "Planificar una operación conjunta con otras OCN",
            "ar": "التعرف على مؤشرات الاتجار بالبشر وتهريب المهاجرين\n"
            "إجراء المقابلات مع الضحايا وفق نهج يركز على الضحية\n"
            "التخطيط لعملية مشتركة مع المكاتب المركزية الوطنية الأخرى",
        },
    },
    {
        "code": "DB-101",
        "programme": "databases",
        "level": "introductory",
        "format": "online",
        "days": 2,
        "topics": ["travel-documents", "border-screening"],
        "title": {
            "en": "Using the global police databases at the frontline",
            "fr": "Utiliser les bases de données policières mondiales en première ligne",
            "es": "Uso de las bases de datos policiales mundiales en primera línea",
            "ar": "استخدام قواعد البيانات الشرطية العالمية في الخطوط الأمامية",
        },
        "description": {
            "en": "A self-paced online course for border and police officers: checking passports, vehicles and "
            "firearms against the global databases, reading a hit and knowing what to do next.",
            "fr": "Un cours en ligne à suivre à son rythme pour les policiers et gardes-frontières : contrôler "
            "passeports, véhicules et armes à feu dans les bases de données mondiales, interpréter une "
            "concordance et savoir quoi faire ensuite.",
            "es": "Un curso en línea a su propio ritmo para agentes de policía y de fronteras: consultar "
            "pasaportes, vehículos y armas de fuego en las bases de datos mundiales, interpretar una "
            "coincidencia y saber qué hacer a continuación.",
            "ar": "دورة ذاتية التعلم عبر الإنترنت لضباط الشرطة والحدود: فحص جوازات السفر والمركبات والأسلحة "
            "النارية في قواعد البيانات العالمية، وفهم نتيجة التطابق ومعرفة الخطوات التالية.",
        },
        "objectives": {
            "en": "Run real-time checks on travel documents, vehicles and firearms\n"
            "Interpret a hit and contact the owner NCB\nRespect the rules on the processing of data",
            "fr": "Effectuer des contrôles en temps réel sur les documents de voyage, les véhicules et les armes à "
            "feu\nInterpréter une concordance et contacter le BCN propriétaire\n"
            "Respecter les règles sur le traitement des données",
            "es": "Realizar consultas en tiempo real de documentos de viaje, vehículos y armas de fuego\n"
            "Interpretar una coincidencia y contactar con la OCN propietaria\n"
            "Respetar las normas sobre el tratamiento de datos",
            "ar": "إجراء عمليات فحص فورية لوثائق السفر والمركبات والأسلحة النارية\n"
            "تفسير نتيجة التطابق والتواصل مع المكتب المركزي الوطني المالك للبيانات\n"
            "احترام القواعد الخاصة بمعالجة البيانات",
        },
    },
    {
        "code": "FOR-201",
        "programme": "forensics",
        "level": "intermediate",
        "format": "classroom",
        "days": 4,
        "topics": ["fingerprints", "dna"],
        "title": {
            "en": "Exchanging fingerprints and DNA profiles between countries",
            "fr": "Échanger empreintes digitales et profils ADN entre pays",
            "es": "Intercambio de huellas dactilares y perfiles de ADN entre países",
            "ar": "تبادل بصمات الأصابع وسمات الحمض النووي بين البلدان",
        },
        "description": {
            "en": "Forensic specialists and NCB staff learn the standards for recording fingerprints and DNA "
            "profiles and for searching them against international databases, and how to follow up a match.",
            "fr": "Les spécialistes de la police scientifique et le personnel des BCN découvrent les normes "
            "d'enregistrement des empreintes digitales et des profils ADN, leur comparaison avec les bases de "
            "données internationales et le suivi d'une concordance.",
            "es": "Los especialistas forenses y el personal de las OCN aprenden las normas para registrar huellas "
            "dactilares y perfiles de ADN, compararlos con las bases de datos internacionales y dar "
            "seguimiento a una coincidencia.",
            "ar": "يتعرف المتخصصون في الأدلة الجنائية وموظفو المكاتب المركزية الوطنية على معايير تسجيل بصمات "
            "الأصابع وسمات الحمض النووي ومقارنتها بقواعد البيانات الدولية، وكيفية متابعة حالات التطابق.",
        },
        "objectives": {
            "en": "Record fingerprints and DNA profiles to international standards\n"
            "Search them against international databases\nConfirm and report a match",
            "fr": "Enregistrer empreintes et profils ADN selon les normes internationales\n"
            "Les comparer avec les bases de données internationales\nConfirmer et signaler une concordance",
            "es": "Registrar huellas y perfiles de ADN conforme a las normas internacionales\n"
            "Compararlos con las bases de datos internacionales\nConfirmar y notificar una coincidencia",
            "ar": "تسجيل البصمات وسمات الحمض النووي وفق المعايير الدولية\nمقارنتها بقواعد البيانات الدولية\n"
            "تأكيد حالة التطابق والإبلاغ عنها",
        },
    },
    {
        "code": "FOR-301",
        "programme": "forensics",
        "level": "advanced",
        "format": "classroom",
        "days": 10,
        "topics": ["dvi", "dna", "fingerprints"],
        "title": {
            "en": "Disaster victim identification",
            "fr": "Identification des victimes de catastrophes",
            "es": "Identificación de víctimas de catástrofes",
            "ar": "التعرف على ضحايا الكوارث",
        },
        "description": {
            "en": "An advanced course for teams deployed after mass-fatality incidents: collecting post-mortem and "
            "ante-mortem data, reconciling them and working with families and international partners.",
            "fr": "Un cours avancé destiné aux équipes déployées après des catastrophes de grande ampleur : recueil "
            "des données post mortem et ante mortem, rapprochement de ces données et collaboration avec les "
            "familles et les partenaires internationaux.",
            "es": "Un curso avanzado para los equipos desplegados tras catástrofes con víctimas múltiples: "
            "recopilación de datos post mortem y ante mortem, su cotejo y el trabajo con las familias y los "
            "socios internacionales.",
            "ar": "دورة متقدمة للفرق التي تُنشر بعد الكوارث التي تخلّف أعدادًا كبيرة من الضحايا: جمع البيانات "
            "اللاحقة للوفاة والسابقة لها ومطابقتها، والعمل مع الأسر والشركاء الدوليين.",
        },
        "objectives": {
            "en": "Organize the four phases of disaster victim identification\n"
            "Use the standard post-mortem and ante-mortem forms\nReconcile data and confirm identifications",
            "fr": "Organiser les quatre phases de l'identification des victimes de catastrophes\n"
            "Utiliser les formulaires normalisés post mortem et ante mortem\n"
            "Rapprocher les données et confirmer les identifications",
            "es": "Organizar las cuatro fases de la identificación de víctimas de catástrofes\n"
            "Utilizar los formularios normalizados post mortem y ante mortem\n"
            "Cotejar los datos y confirmar las identificaciones",
            "ar": "تنظيم المراحل الأربع للتعرف على ضحايا الكوارث\n"
            "استخدام النماذج الموحدة للبيانات اللاحقة للوفاة والسابقة لها\nمطابقة البيانات وتأكيد الهويات",
        },
    },
    {
        "code": "CA-201",
        "programme": "criminal_analysis",
        "level": "intermediate",
        "format": "blended",
        "days": 5,
        "topics": ["operational-analysis", "strategic-analysis"],
        "title": {
            "en": "Operational crime analysis",
            "fr": "Analyse criminelle opérationnelle",
            "es": "Análisis criminal operativo",
            "ar": "التحليل الجنائي العملياتي",
        },
        "description": {
            "en": "Analysts learn to turn raw information into intelligence that supports investigations: link and "
            "flow charts, telephone data analysis and clear analytical reports.",
            "fr": "Les analystes apprennent à transformer des informations brutes en renseignements utiles aux "
            "enquêtes : schémas relationnels et de flux, analyse des données téléphoniques et rapports "
            "d'analyse clairs.",
            "es": "Los analistas aprenden a convertir información en bruto en inteligencia útil para las "
            "investigaciones: diagramas de vínculos y de flujos, análisis de datos telefónicos e informes "
            "analíticos claros.",
            "ar": "يتعلم المحللون تحويل المعلومات الخام إلى معلومات استخبارية تدعم التحقيقات، من خلال مخططات "
            "الروابط والتدفقات وتحليل بيانات الاتصالات الهاتفية وإعداد تقارير تحليلية واضحة.",
        },
        "objectives": {
            "en": "Evaluate sources and information\nBuild link and flow charts\n"
            "Write an analytical report with hypotheses and recommendations",
            "fr": "Évaluer les sources et les informations\nÉlaborer des schémas relationnels et de flux\n"
            "Rédiger un rapport d'analyse avec hypothèses et recommandations",
            "es": "Evaluar las fuentes y la información\nElaborar diagramas de vínculos y de flujos\n"
            "Redactar un informe analítico con hipótesis y recomendaciones",
            "ar": "تقييم المصادر والمعلومات\nإعداد مخططات الروابط والتدفقات\n"
            "كتابة تقرير تحليلي يتضمن الفرضيات والتوصيات",
        },
    },
    {
        "code": "FUG-201",
        "programme": "fugitive_investigations",
        "level": "intermediate",
        "format": "classroom",
        "days": 4,
        "topics": ["fugitive-tracing", "red-notices"],
        "title": {
            "en": "Fugitive investigations and Red Notices",
            "fr": "Enquêtes sur les fugitifs et notices rouges",
            "es": "Investigación de prófugos y notificaciones rojas",
            "ar": "التحقيقات بشأن الفارين والنشرات الحمراء",
        },
        "description": {
            "en": "How to locate and arrest fugitives who have crossed borders: requesting a Red Notice that "
            "complies with the rules, tracing a fugitive across countries and preparing extradition.",
            "fr": "Comment localiser et arrêter les fugitifs qui ont franchi les frontières : demander une notice "
            "rouge conforme aux règles, suivre la trace d'un fugitif d'un pays à l'autre et préparer "
            "l'extradition.",
            "es": "Cómo localizar y detener a prófugos que han cruzado fronteras: solicitar una notificación roja "
            "conforme a las normas, seguir el rastro de un prófugo de un país a otro y preparar la "
            "extradición.",
            "ar": "كيفية تحديد أماكن الفارين الذين عبروا الحدود والقبض عليهم: طلب نشرة حمراء مطابقة للقواعد، "
            "وتعقب الفار من بلد إلى آخر، والتحضير لتسليمه.",
        },
        "objectives": {
            "en": "Prepare a Red Notice request that meets the rules\nTrace a fugitive with international "
            "cooperation\nCoordinate arrest and extradition with the requesting country",
            "fr": "Préparer une demande de notice rouge conforme aux règles\nRetrouver un fugitif grâce à la "
            "coopération internationale\nCoordonner l'arrestation et l'extradition avec le pays requérant",
            "es": "Preparar una solicitud de notificación roja conforme a las normas\nLocalizar a un prófugo "
            "mediante la cooperación internacional\nCoordinar la detención y la extradición con el país "
            "requirente",
            "ar": "إعداد طلب نشرة حمراء مطابق للقواعد\nتعقب الفار بالاستعانة بالتعاون الدولي\n"
            "تنسيق عملية القبض والتسليم مع البلد الطالب",
        },
    },
]
