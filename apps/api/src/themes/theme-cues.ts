import type { BuiltInTheme, CommentLanguage } from '@rapport/domain';

/**
 * The words that name each built-in theme, per language, written as the tokeniser gives them (lower case,
 * no accents or umlauts). A word matches itself and every word of the same stem; `word*` matches every
 * word that starts so (German compounds: `liefer*` is Lieferung, Lieferzeit, Lieferdienst); `a_b` is a
 * phrase of words in a row. Written for this product from how buyers of small businesses write: no
 * lexicon of the field covers themes like these.
 */
export const THEME_CUES: Record<CommentLanguage, Record<BuiltInTheme, string>> = {
  en: {
    product_quality:
      'quality product products item items well_made broke broken break* faulty defect* durable sturdy ' +
      'flimsy cheaply_made craftsmanship workmanship finish repair* leak* leaking stopped_working haircut ' +
      'colour color result* fit fits material* fabric stitching scratched cracked tore torn wilted wilting ' +
      'battery not_fixed still_broken wobbly',
    freshness_taste:
      'fresh* stale taste* tasty tasteless flavo* delicious yummy bland soggy cold_food lukewarm burnt ' +
      'undercooked overcooked bread loaf sourdough croissant* pastr* meal dish* pizza sandwich* rotten ' +
      'mouldy moldy crunchy crispy salty juicy flaky',
    price_value:
      'price* pricing expensive cheap* cost* costly overpriced overcharg* pricey value money worth ' +
      'affordable reasonabl* bill invoice charge charges charged fee fees rip_off ripoff bargain quote* ' +
      'quoted discount* refund* steep',
    delivery_shipping:
      'deliver* delivery shipping ship shipped shipment courier* parcel* postage postal post_office ' +
      'tracking tracked dispatch* royal_mail dpd ups dhl fedex hermes evri',
    packaging:
      'packag* package box boxes boxed wrap* wrapped wrapping packed packing crushed bubble_wrap plastic ' +
      'cardboard carton lid',
    staff_service:
      'staff team friendly unfriendly rude* polite* helpful unhelpful courteous welcom* attitude manner* ' +
      'employee* waiter* waitress* cashier* barista* technician* plumber* electrician* mechanic* ' +
      'hairdresser* stylist* receptionist* cleaner cleaners driver owner manager professional* ' +
      'unprofessional* knowledgeable attentive arrogant patient top_man',
    waiting_time:
      'wait waited waiting waits queue* slow* quick* quickly fast* late lateness delay* delayed punctual* ' +
      'on_time took_ages ages forever time_keeping turned_up showed_up no_show prompt* took_long in_time ' +
      'running_late behind',
    cleanliness:
      'clean cleaned cleaning cleanliness dirty dirt* filthy hygien* tidy untidy mess messy spotless dust ' +
      'dusty grubby sticky smelly stain* mud muddy greasy footprints',
    booking_appointment:
      'book booked booking rebook* appointment* schedul* reschedul* slot* availab* cancel* calendar ' +
      'reservation* reserve* fully_booked table_for',
    communication:
      'communicat* call called calls phoned rang email* emailed text texted texts message* repl* respond* ' +
      'response* answer* answered inform* informed updat* explain* explanation* contact* ignored ' +
      'kept_me_informed no_reply heard_back get_back got_back called_back picked_up warning reminder',
    website_ordering:
      'website* site online web* app checkout check_out order_online order_form payment_page basket cart ' +
      'login log_in password click* navigat* search* filter* shop_online online_shop webshop paypal',
  },
  es: {
    product_quality:
      'calidad producto productos articulo* roto rota rompio romp* defect* averia* durader* resistente ' +
      'endeble acabado* reparacion* arregl* fuga* no_funciona dejo_de_funcionar corte peinado tinte mechas ' +
      'color resultado* talla* material* tela* costura* rayad* marchit* mustio* bateria flojos ' +
      'sigue_igual siguen_igual sigue_ahi ruido empaste aguantaron aguanto revision',
    freshness_taste:
      'fresc* rancio sabor* sabros* rico rica ricos ricas riquisim* delicios* insipid* soso sosa crudo ' +
      'cruda crudos quemad* podrid* mohos* crujient* aceitos* chiclos* comida plato platos tapa tapas ' +
      'croquetas tortilla paella churros bocata bocadillo* pan barra pasteles pastel tarta bolleria ' +
      'ensaimada* torrija* huevos carne pescado postre* cafe desayuno brunch recien_hecho ' +
      'en_su_punto buenisim*',
    price_value:
      'precio precios caro caros carisim* barat* cost* factura* cobr* presupuesto* calidad_precio ' +
      'calidad-precio valor vale_la_pena merece_la_pena asequible abusiv* timo estafa oferta* ' +
      'descuento* reembolso* tarifa* euros € no_me_clavo clavo por_las_nubes',
    delivery_shipping:
      'envio* enviad* entreg* reparto repartidor* mensajer* paquete* paqueteria correos seguimiento ' +
      'transport* gastos_de_envio shipping seur mrw dhl ups gls recibido',
    packaging:
      'embalaj* empaquet* envoltori* envuelt* caja caja_con bolsa* plastico* carton aplastad* abollad* ' +
      'papel celofan corcho plastico_de_burbujas sobre_rajado taper protegido',
    staff_service:
      'personal atencion atendi* atent* amable* simpatic* antipatic* maleducad* educad* borde grosero* ' +
      'servicial* trato empleado* dependient* camarer* tecnico* fontaner* electricista* mecanic* ' +
      'peluquer* dentista* limpiador* conductor* dueno* duena* encargad* gente honrad* sonrisa ' +
      'un_amor un_sol malas_formas pesado criticando',
    waiting_time:
      'espera esperando esperar esperamos tuve_que_esperar sala_de_espera cola lent* rapid* tard* ' +
      'retras* puntual* a_tiempo a_la_hora demor* tardanza enseguida pronto plantad* no_vino ' +
      'no_aparecio mismo_dia en_una_manana a_mediodia toda_la_manana',
    cleanliness:
      'limpi* sucio sucia suciedad higien* ordenad* desorden* mugr* polvo* manchas mancha olor* huele ' +
      'pegajos* pegaba pelos pelusa* restos marcas caos aspiradora impecable',
    booking_appointment:
      'cita* reserv* agend* hueco* disponibilidad disponible* cancel* anul* calendario turno* ' +
      'conseguir_hora pedir_hora todo_cogido todo_lleno lleno visita cambiar_la_visita',
    communication:
      'comunicacion llamaron llamar llamado llamen telefon* correo* email* mensaje* whatsapp respuesta* ' +
      'respond* contest* inform* aviso avisar avisaron explic* contacto* contactar* ignor* sin_respuesta ' +
      'sin_decir_nada no_te_dicen_nada escribi recordatorio fotos te_dicen instagram',
    website_ordering:
      'web* pagina* online internet app aplicacion hacer_el_pedido hice_el_pedido pedido_online carrito compra_online tienda_online ' +
      'pasarela pago_online contrasena registr* buscador filtro* formulario bizum movil',
  },
  fr: {
    product_quality:
      'qualite produit produits article* casse cassee defect* defaut* solide fragile robuste finition* ' +
      'fuite* fuit ne_marche_pas marche_enfin coupe_de_cheveux coiffure couleur balayage resultat* ' +
      'matiere* tissu couture* raye* fane* fletri* tenu a_tenu batterie frein freins freine panne ' +
      'bien_fait mal_fait bacle* rate travail_bacle taille_petit taille_grand frotte refait',
    freshness_taste:
      'frais fraiche fraiches fraicheur rassis rassie gout* savoureu* delicieu* delice* fade sec seche ' +
      'froid froide tiede brule* pas_cuit pas_cuite cuit cuite caoutchouteu* mou molle pain baguette* ' +
      'croissant* gateau* patisserie* viennoiserie* cafe expresso latte chocolat_chaud repas pizza ' +
      'sandwich* pourri* moisi* croustillant* macaron* crepe* couscous magret far plat_du_jour ' +
      'regale* regaler divin* meilleur_couscous',
    price_value:
      'prix cher chere chers cheres couteu* bon_marche abordable tarif* facture* factur* devis ' +
      'rapport_qualite_prix qualite_prix vaut_le_coup hors_de_prix arnaque* excessi* exorbitant* remise* ' +
      'reduction* rembours* euros € addition salee surcout* honoraires imbattable offert offerte gratuit*',
    delivery_shipping:
      'livr* livraison* expedi* envoi* colis transporteur* coursier* livreur* suivi la_poste colissimo ' +
      'chronopost dpd ups dhl mondial_relay point_relais frais_de_port recu_en_avance',
    packaging:
      'emball* carton cartons boite* sachet* sac sacs plastique* papier_froisse ecrase* abime* ' +
      'cabosse* couvercle gobelet* protection',
    staff_service:
      'personnel equipe accueil aimable* sympa sympathique* desagreable* impoli* poli polie malpoli* ' +
      'serviable* gentil* souriant* antipathique* serveu* vendeu* vendeuse caissier* boulanger* ' +
      'technicien* plombier* electricien* mecanicien* garagiste coiffeu* dentiste* chauffeur* ' +
      'professionnel* tres_pro adorable honnete* patron* patronne raccroche* de_haut parlent_fort',
    waiting_time:
      'attente attendu attendre attend attends attendue lent* rapide rapidement vite retard* en_retard ' +
      'ponctuel* a_l_heure delai* longtemps en_avance au_bout_de plus_tard dans_la_matinee en_une_matinee ' +
      'cohue sera_prete prete',
    cleanliness:
      'propre* proprete sale salete hygien* desordre* crasse* poussiere* tache* odeur* pue collant* ' +
      'boue miettes essuye* degoutant* javel menage vitres',
    booking_appointment:
      'rendez_vous rdv reserv* creneau* disponibilit* disponible* annul* planning agenda complet ' +
      'liste_d_attente desistement decaler devait_passer devait_venir sans_rdv',
    communication:
      'communication* appel* appele* appelee telephon* mail mails email* courriel* message* sms repon* ' +
      'repondu rappel* rappeler rappelee inform* prevenu* prevenir explique* explication* contact* ' +
      'injoignable ignore* nouvelles coup_de_fil relancer annonce pas_annonce jargon flou',
    website_ordering:
      'site* internet en_ligne web* application appli commander panier paiement paiement_en_ligne ' +
      'mot_de_passe compte inscri* recherche* filtrer filtre* boutique_en_ligne code_promo doctolib ' +
      'planity apple_pay bugue bug boutons ordi',
  },
  de: {
    product_quality:
      'qualitat produkt artikel* kaputt* defekt* mangel* stabil* robust* verarbeit* reparatur* repariert* ' +
      'undicht* tropft leck* funktioniert funktionierte *schnitt dauerwelle farbe ergebnis* passform ' +
      'material* stoff* naht nahte zerkratzt gerissen verwelkt* abgeworfen akku bremse* ersatzteil* ' +
      'verstopft pfusch* montagefehler platt lauft_wieder lauft_wie_neu wie_neu einwandfrei zentriert ' +
      'gestecke kranz *kranz torte *torte grundlich schmerzfrei geklappt_hat',
    freshness_taste:
      'frisch frische frischer altbacken pappig geschmack* schmeckt* schmeckte lecker* kostlich* fade ' +
      'trocken* lauwarm verbrannt* roh brot *brot brotchen semmel* croissant* kuchen *kuchen geback* ' +
      '*geback *gebacks kaffee flat_white essen gericht* pizza schnitzel *braten spatzle *strudel ' +
      'mohnschnecke* saftig* steinhart fritteuse knusprig* salzig* suss* sauer butterzart hausgemacht ' +
      'der_hammer verschimmelt* schimmel*',
    price_value:
      'preis preise preislich teuer* gunstig* billig* kostet kosten rechnung* angebot* ' +
      'kostenvoranschlag preis_leistung wucher* abzocke unverschamt_teuer rabatt* erstatt* euro € wert ' +
      'stundensatz* *pauschale happig fair faire dafur_zahle lohnt_sich passt_das',
    delivery_shipping:
      'liefer* geliefert versand* versend* verschickt* zustell* *zustellung paket* kurier* bote ' +
      'sendungsverfolgung tracking post dhl hermes dpd ups gls packstation angekommen kam_an ' +
      'wunschtermin war_das_paket_da schneller_da',
    packaging:
      'verpack* karton* schachtel* *schachtel tute* tuten *tute *tuten plastik* folie* styropor* ' +
      'zerdruckt* eingedruckt* eingedellt* *box box papier gut_geschutzt geschenk_verpackt',
    staff_service:
      'personal mitarbeiter* bedienung* freundlich* unfreundlich* hoflich* unhoflich* hilfsbereit* ' +
      'nett nette netter zuvorkommend* arrogant* patzig* verkaufer* kellner* techniker* chef chefin ' +
      'inhaber* team beratung* beraten kompetent* einfuhlsam* empfang ehrliche_leute leute genervt ' +
      'angeschnauzt gequatscht behandelt meister fahrer',
    waiting_time:
      'wartezeit* gewartet warten wartet schlange* langsam* schnell* spat* verspat* punktlich* ' +
      'rechtzeitig dauert* dauerte ewig zugig* ruckzuck innerhalb_einer_stunde uber_eine_stunde ' +
      'stand_noch rum *wartezimmer wartezimmer',
    cleanliness:
      'sauber* *sauber dreck* dreckig* schmutz* schmutzig* hygien* ordentlich* unordentlich* staub* ' +
      'flecken geruch* stinkt* klebrig* klebte matsch* *reinigung reinigung geputzt putzen streifig ' +
      'ausgesaugt weggesaugt abgewischt igitt riechen',
    booking_appointment:
      'termin termine termins *termin buchung* gebucht buchen reservier* *reservierung verschieb* ' +
      'verschoben versetzt abgesagt absage* kalender verfugbar* zeitfenster spontan neupatienten ' +
      'ab_marz erst_in',
    communication:
      'kommunikation* anruf* angerufen anrufen telefon* email* e_mail mail* nachricht* sms antwort* ' +
      'geantwortet meld* informiert* bescheid erklart* erklarung* erklarungen kontakt* erreichbar* ' +
      'ruckruf* hotline warteschleife aufgelegt transparent gezeigt bahnhof',
    website_ordering:
      'webseite* website* internetseite* online* onlineshop shop app bestell* warenkorb checkout ' +
      'bezahlvorgang passwort anmeld* registrier* suchfunktion filter* paypal klarna vorkasse ' +
      'gutscheincode produktbilder ladt ubersichtlich',
  },
};
