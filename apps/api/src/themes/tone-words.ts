import type { CommentLanguage } from '@rapport/domain';

/**
 * How buyers say good and bad, per language, as the tokeniser gives the words (lower case, no accents): a
 * word, `word*` for every word that starts so, `a_b` for a phrase. Written for this product: the general
 * lexicons of the field (NLP.js's Senticon, AFINN) miss the words of shops and trades ("stale", "late",
 * "pappig", "rassis") and give weight to words that say nothing about a shop.
 */
export interface ToneWords {
  positive: string;
  negative: string;
  /** Turn the tone of what follows within three words. */
  negators: string;
  /** Make the tone of what follows stronger (they do not make a tone of their own). */
  intensifiers: string;
  /**
   * Start a new clause: "good, but expensive" and "fresh bread and rude staff" speak of each thing in its
   * own tone.
   */
  contrasts: string;
}

export const TONE_WORDS: Record<CommentLanguage, ToneWords> = {
  en: {
    positive:
      'good great excellent amazing awesome fantastic brilliant perfect perfectly lovely love loved loves ' +
      'nice wonderful superb outstanding best fresh freshly delicious tasty yummy friendly helpful polite ' +
      'kind welcoming courteous professional professionally quick quickly fast prompt promptly punctual ' +
      'on_time in_time efficient clean spotless tidy reasonable reasonably affordable cheap worth bargain ' +
      'fair well recommend recommended happy pleased satisfied easy simple smooth smoothly sturdy durable ' +
      'solid well_made beautiful beautifully gorgeous impeccable reliable responsive informative clear ' +
      'thank thanks thank_you spot_on top 5_stars five_stars attentive patient crispy crunchy juicy fine ' +
      'decent safe intact appreciated organised organized impressed star legend legends unreal cheerful ' +
      'thorough game_changer no_fuss straight_away bang_on top_man brand_new cheers helped kept_me_informed ' +
      'no_problem no_problems no_issues no_jargon plain_english',
    negative:
      'bad poor poorly terrible awful horrible dreadful worst disappointing disappointed disappointment ' +
      'disgusting rude rudely unfriendly unhelpful impolite arrogant unprofessional slow slowly late ' +
      'lateness delay delayed stale soggy bland tasteless burnt cold lukewarm undercooked overcooked rotten ' +
      'mouldy moldy expensive overpriced pricey overcharged rip_off ripoff costly steep broke broken faulty ' +
      'defective flimsy cheaply crushed damaged dented torn leak leaking leaks dirty dirtier filthy messy ' +
      'mess grubby sticky smelly stain stained missing lost wrong ignored no_reply unanswered useless ' +
      'annoying annoyed frustrating frustrated confusing confused complicated clunky crashed crashes error ' +
      'failed fails complaint waste waited forever ages mistake shame unacceptable sloppy careless hardly ' +
      'worse not_worth too_much cancelled canceled no_show wilted wilting scratched cracked excessive ' +
      'noisy noise sour salty upset angry nightmare avoid joke forgot forgotten squashed soaked wobbly ' +
      'brassy robbery behind dust dusty muddy greasy given_it_away gave_it_away had_a_problem not_fixed ' +
      'took_ages barely never_again fully_booked struggle struggled',
    negators:
      'not no never nothing none nobody hardly barely without neither nor cannot couldnt cant didnt ' +
      'doesnt dont wasnt werent wont isnt arent havent hasnt no_one',
    intensifiers:
      'very really so super extremely incredibly too totally absolutely quite pretty highly truly ' +
      'completely utterly most much way bit little slightly somewhat',
    contrasts: 'but however although though yet except whereas while otherwise and also plus',
  },
  es: {
    positive:
      'bien buen bueno buena buenos buenas buenisim* excelente* estupend* genial maravill* perfect* ' +
      'encant* gust* fresco fresca frescos frescas recien_hecho delicios* rico rica ricos ricas riquisim* ' +
      'sabros* amable* simpatic* atent* educad* servicial* profesional* rapid* puntual* a_tiempo ' +
      'a_la_hora eficient* limpio limpia limpios impecable* ordenad* barat* asequible* razonable* ' +
      'vale_la_pena merece_la_pena valio_la_pena recomend* content* satisfech* facil* sencill* ' +
      'resistente* solid* precios* bonit* clar* gracias agradec* top crujient* jugos* correct* intact* ' +
      'segur* preciosa precioso monisim* un_amor un_sol de_diez un_10 detallazo inmejorable brutal ' +
      'de_escandalo da_gusto merito honrad* sonrisa en_su_punto aguantaron protegido sin_problema ' +
      'sin_ningun_problema a_la_primera salvo enseguida pronto',
    negative:
      'mal mala malo malos malas pesim* horrible* terrible* fatal* decepcion* asco asquer* maleducad* ' +
      'antipatic* borde grosero* desagradable* lent* tarde tardaron tardo tardanza retras* rancio* duro ' +
      'dura seco seca soso sosa insipid* frio fria quemad* crudo cruda crudos podrid* mohos* aceitos* ' +
      'chiclos* caro caros carisim* abusiv* estafa timo roto rota rompi* defect* endeble* aplastad* ' +
      'abollad* danad* fuga* sucio sucia mugr* desorden* pegajos* mancha* olor* huele perdid* equivoc* ' +
      'error nunca ignor* sin_respuesta inutil* molest* complicad* problema queja* reclam* desastre* ' +
      'verguenza inaceptable* descuidad* peor cancel* anulad* marchit* mustio* rayad* rajad* arrugad* ' +
      'excesiv* ruido enfad* no_vino no_aparecio plantad* caos un_rollo pesado incomod* malas_formas ' +
      'por_las_nubes se_pasan flojos encima tirados lleno imposible surrealista sin_comentarios ' +
      'mejor_no_hablar criticando esperando cola ni_un_aviso sin_decir_nada sigue_igual siguen_igual ' +
      'sigue_ahi se_cayo miedo no_funciona',
    negators: 'no nunca jamas ni nada nadie sin tampoco ningun ninguna',
    intensifiers:
      'muy super demasiado demasiada bastante tan totalmente realmente extremadamente increiblemente ' +
      'mas poco algo un_poco re requete',
    contrasts: 'pero aunque sin_embargo sino excepto mientras y e ademas tambien eso_si',
  },
  fr: {
    positive:
      'bien bon bonne bons bonnes excellent* super genial geniale parfait* perfection top formidable* ' +
      'magnifique* adore* aime delicieu* delice savoureu* frais fraiche fraiches aimable* sympa ' +
      'sympathique* gentil* souriant* poli polie serviable* professionnel* tres_pro rapide rapidement ' +
      'vite ponctuel* a_l_heure efficace* propre propres nickel impeccable* abordable* raisonnable* ' +
      'bon_marche vaut_le_coup recommande* content* satisfait* ravi* facile* simple* solide* robuste* ' +
      'beau belle beaux jolie joli clair claire merci croustillant* agreable* accueillant* ' +
      'irreprochable* tres_bien intact* soigne soignee adorable honnete* chapeau bravo divin* regale* ' +
      'imbattable offert offerte fluide reactif* en_avance mignon* chaleureu* rien_a_dire ' +
      'sans_prise_de_tete sans_souci enfin',
    negative:
      'mal mauvais mauvaise nul nulle horrible* terrible* affreu* decevant* decu deception* degoutant* ' +
      'impoli* malpoli* desagreable* antipathique* arrogant* lent lente lents retard en_retard rassis ' +
      'rassie sec seche fade froid froide tiede brule* pas_cuit pas_cuite caoutchouteu* mou molle ' +
      'pourri* moisi* cher chere chers cheres hors_de_prix arnaque* excessi* exorbitant* casse cassee ' +
      'defect* defaut* fragile* ecrase* abime* cabosse* fuite* fuit sale salete crasse* desordre* ' +
      'collant* tache* odeur* pue perdu perdue erreur* ignore* injoignable* inutile* agacant* complique* ' +
      'probleme* plainte* reclamation* desastre* honte inacceptable* neglige* pire annul* fane* fletri* ' +
      'raye* bruyant* enerve* eviter cata* catastroph* longue longtemps trop_cher dommage bacle* rate ' +
      'lourd dingue impossible flou froisse* cohue miettes raccroche* de_haut a_peine surcout* salee ' +
      'frotte bugue bug illisible mal_foutu pas_terrible plus_jamais aux_abonnes_absents quand_meme ' +
      'poussiere* complet malade',
    negators: 'pas ne n ni jamais rien aucun aucune sans guere',
    intensifiers:
      'tres trop vraiment super si tellement extremement totalement completement assez plutot ' +
      'peu un_peu bien hyper tout toute',
    contrasts:
      'mais cependant pourtant par_contre sauf toutefois neanmoins alors_que tandis_que et aussi sinon',
  },
  de: {
    positive:
      'gut gute guter gutes guten super toll tolle toller prima klasse spitze hervorragend* ausgezeichnet* ' +
      'perfekt* wunderbar* wunderschon* schon schone schoner lieb liebe freundlich freundliche ' +
      'freundlicher nett nette netter nettes hoflich* zuvorkommend* hilfsbereit* kompetent* ' +
      'professionell* schnell schnelle schneller zugig* flott punktlich* rechtzeitig sauber *sauber ' +
      'ordentlich* frisch frische lecker* kostlich* knusprig* gunstig* preiswert* fair faire angemessen* ' +
      'lohnt lohnt_sich empfehl* zufrieden* glucklich* einfach unkompliziert* stabil* robust* solide* ' +
      'klar danke* dank top gerne zuverlassig* sicher intakt* einwandfrei* tadellos* sorgfaltig* ' +
      'grundlich* ehrlich* einfuhlsam* transparent* praktisch* vorbildlich* ubersichtlich* reibungslos ' +
      'problemlos geklappt butterzart hausgemacht saftig der_hammer der_hit hit angenehm* wahnsinn ' +
      'gefreut wie_neu schmerzfrei okay ok passt ruckzuck wurdevoll* gemutlich* blitzsauber* ' +
      'gut_geschutzt nicht_meckern',
    negative:
      'schlecht* schlimm* furchtbar* schrecklich* grauenhaft* mies* enttausch* eklig* unfreundlich* ' +
      'unhoflich* arrogant* patzig* unprofessionell* langsam* spat verspat* verspatung* altbacken ' +
      'pappig* trocken* fade kalt lauwarm verbrannt* roh verschimmelt* schimmel* teuer uberteuert* ' +
      'wucher* abzocke* unverschamt* kaputt* defekt* mangel* zerbrochen* zerkratzt* zerdruckt* ' +
      'eingedruckt* eingedellt* beschadigt* undicht* dreck* dreckig* schmutz* schmutzig* klebrig* ' +
      'stinkt* verloren* falsch* fehler* ignor* unerreichbar* nutzlos* nervig* argerlich* ' +
      'kompliziert* umstandlich* problem* beschwerde* reklamation* katastroph* frechheit* ' +
      'inakzeptabel* schlampig* nachlassig* schlechter abgesagt verwelkt* laut ewig lange zu_teuer ' +
      'leider steinhart genervt angeschnauzt unangenehm* dreist* happig witz ein_witz aufgelegt ' +
      'verstopft pfusch* platt tropft streifig staub* igitt versetzt ausgelaufen dunn dunne reissen ' +
      'winzig gequatscht blod* kraus nie_wieder na_toll na_super grosses_kino echt_jetzt ernsthaft ' +
      'aha bahnhof proppenvoll warteschleife uber_eine_stunde erst_in',
    negators: 'nicht kein keine keinen keiner keinem nie niemals nichts ohne weder',
    intensifiers:
      'sehr total echt wirklich extrem zu so super richtig absolut ziemlich etwas bisschen ein_bisschen ' +
      'besonders voll mega ganz viel',
    contrasts:
      'aber jedoch doch allerdings sondern trotzdem trotz ausser wahrend obwohl und sowie auch dafur',
  },
};
