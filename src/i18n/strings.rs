//! Fixed strings. Each key carries both languages side by side, so a missing
//! translation is a compile error, not a blank on screen.

use super::Lang;

macro_rules! strings {
    ($($key:ident => $en:literal, $it:literal;)+) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum T { $($key,)+ }

        impl T {
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((T::$key, Lang::En) => $en, (T::$key, Lang::It) => $it,)+
                }
            }
        }
    };
}

strings! {
    SkipToContent => "Skip to main content", "Vai al contenuto principale";
    Language => "Language", "Lingua";
    SignOut => "Sign out", "Esci";
    Loading => "Loading…", "Caricamento…";
    Retry => "Try again", "Riprova";
    NotSet => "Not set", "Non indicato";
    Yes => "Yes", "Sì";
    No => "No", "No";
    On => "On", "Attivo";
    Off => "Off", "Disattivo";
    None => "None", "Nessuno";

    LandingLead => "Keep your organization right: profile, public page, logo, billing and contracts, for Open Badge issuers and BlendVision One customers.", "Tieni in ordine la tua organizzazione: profilo, pagina pubblica, logo, fatturazione e contratti, per chi rilascia Open Badge e per i clienti BlendVision One.";
    ChoosePlatform => "Choose your platform", "Scegli la piattaforma";
    OpenBadgeBlurb => "For issuers of digital badges: profile, public page, logo, billing and credits.", "Per chi rilascia badge digitali: profilo, pagina pubblica, logo, fatturazione e crediti.";
    BlendVisionBlurb => "For BlendVision One organizations: hierarchy, contracts, owner and business settings.", "Per le organizzazioni BlendVision One: gerarchia, contratti, titolare e impostazioni business.";
    LandingPublicNote => "Visitors of an issuer's public page don't need to sign in.", "Chi visita la pagina pubblica di un'organizzazione non deve accedere.";
    ContinueSession => "Continue to your organization", "Continua con la tua organizzazione";

    SignInOpenBadge => "Sign in to Open Badge", "Accedi a Open Badge";
    SignInBlendVision => "Sign in to BlendVision One", "Accedi a BlendVision One";
    Email => "E-mail", "E-mail";
    Password => "Password", "Password";
    SignIn => "Sign in", "Accedi";
    SigningIn => "Signing in…", "Accesso in corso…";
    UseApiToken => "Use an API token instead", "Usa invece un token API";
    UsePassword => "Use e-mail and password instead", "Usa invece e-mail e password";
    ApiToken => "API token", "Token API";
    ApiTokenHint => "Paste a token created in the Open Badge platform. It is kept in this browser only.", "Incolla un token creato nella piattaforma Open Badge. Resta solo in questo browser.";
    ErrEmailRequired => "Enter your e-mail address", "Inserisci il tuo indirizzo e-mail";
    ErrEmailFormat => "Enter an e-mail address in the format name@example.com", "Inserisci un indirizzo e-mail nel formato nome@esempio.it";
    ErrPasswordRequired => "Enter your password", "Inserisci la password";
    ErrTooLong => "This is too long: shorten it", "Il testo è troppo lungo: accorcialo";
    ErrTokenRequired => "Paste your API token", "Incolla il tuo token API";
    ErrorSummaryTitle => "There is a problem", "C'è un problema";
    ErrorPrefix => "Error:", "Errore:";
    WrongCredentials => "Wrong e-mail or password. Check both and try again.", "E-mail o password errati. Controllali e riprova.";
    TokenRejected => "That API token was not accepted. Check that it is complete and has not expired or been revoked.", "Il token API non è stato accettato. Verifica che sia completo e che non sia scaduto o revocato.";
    SessionEnded => "Your session has ended. Sign in again to continue.", "La sessione è terminata. Accedi di nuovo per continuare.";
    SignedOut => "You have signed out.", "Sei uscito dal tuo account.";
    OtherPlatform => "Choose another platform", "Scegli un'altra piattaforma";

    ErrNetwork => "The server could not be reached. Check your connection and try again.", "Impossibile raggiungere il server. Controlla la connessione e riprova.";
    ErrTimeout => "The server took too long to answer. Try again.", "Il server non ha risposto in tempo. Riprova.";
    ErrServer => "Something went wrong on the server. Try again in a moment.", "Si è verificato un errore sul server. Riprova tra poco.";
    ErrForbidden => "Your account is not allowed to do this.", "Il tuo account non ha i permessi per farlo.";
    ErrNotFound => "This could not be found.", "Non è stato trovato.";
    ErrRateLimited => "Too many requests. Wait a moment and try again.", "Troppe richieste. Attendi un momento e riprova.";
    ErrDecode => "The server sent an answer orgdesk could not read.", "Il server ha inviato una risposta che orgdesk non riesce a leggere.";
    ErrInvalid => "Some values were not accepted.", "Alcuni valori non sono stati accettati.";
    ErrConflict => "Someone else changed this meanwhile.", "Nel frattempo qualcun altro ha modificato questi dati.";
    LoadFailed => "The organization could not be loaded", "Non è stato possibile caricare l'organizzazione";

    Identity => "Identity", "Identità";
    Address => "Address", "Indirizzo";
    Contacts => "Contacts", "Contatti";
    Billing => "Billing", "Fatturazione";
    PublicProfile => "Public profile", "Profilo pubblico";
    Logo => "Logo", "Logo";
    SubscriptionAndCredits => "Subscription and credits", "Abbonamento e crediti";
    Record => "Record", "Registrazione";

    Name => "Name", "Nome";
    Type => "Type", "Tipo";
    Activity => "Activity", "Attività";
    Description => "Description", "Descrizione";
    Website => "Website", "Sito web";
    Status => "Status", "Stato";
    StatusNote => "Set by the platform administrators.", "Impostato dagli amministratori della piattaforma.";
    Street => "Street", "Via";
    Postcode => "Postcode", "CAP";
    City => "City", "Città";
    Region => "Region", "Regione";
    StateProvince => "State or province", "Stato o provincia";
    Country => "Country", "Paese";
    FirstName => "First name", "Nome";
    LastName => "Last name", "Cognome";
    Mobile => "Mobile", "Cellulare";
    TechEmail => "Technical e-mail", "E-mail tecnica";
    LegalEmail => "Legal e-mail", "E-mail legale";
    LegalName => "Legal name", "Ragione sociale";
    Vat => "VAT number", "Partita IVA";
    FiscalCode => "Fiscal code", "Codice fiscale";
    SdiCode => "SDI destination code", "Codice destinatario SDI";
    BillingEmail => "Billing e-mail", "E-mail di fatturazione";
    Pec => "Certified e-mail (PEC)", "Posta elettronica certificata (PEC)";
    ShowBadgeTypes => "Show badge types", "Mostra i tipi di badge";
    ShowLearningPaths => "Show learning paths", "Mostra i percorsi di apprendimento";
    ShowBadgeTemplates => "Show badge templates", "Mostra i modelli di badge";
    PublicPage => "Public page", "Pagina pubblica";
    PublicPageOff => "The public page is off: visitors see “not available”.", "La pagina pubblica è disattivata: i visitatori vedono “non disponibile”.";
    LogoStandard => "Standard", "Standard";
    LogoHigh => "High resolution", "Alta risoluzione";
    LogoThumbnail => "Thumbnail", "Miniatura";
    NoLogo => "No logo yet.", "Nessun logo caricato.";
    Subscription => "Subscription", "Abbonamento";
    CurrentPeriod => "Current period", "Periodo corrente";
    MaxUsers => "Maximum users", "Utenti massimi";
    CreditsLeft => "Credits left", "Crediti residui";
    BadgesIssued => "Badges issued", "Badge rilasciati";
    TemplatesCreated => "Badge templates created", "Modelli di badge creati";
    LowCredits => "Fewer than 20 credits left: top up soon so badge issuing isn't interrupted.", "Restano meno di 20 crediti: ricarica presto per non interrompere il rilascio dei badge.";
    PeriodEnded => "This period has ended: the subscription must be renewed to keep issuing badges.", "Questo periodo è terminato: l'abbonamento va rinnovato per continuare a rilasciare badge.";
    SubscriptionCancelledNote => "The subscription is cancelled: it will not renew at the end of the period.", "L'abbonamento è annullato: non si rinnoverà alla fine del periodo.";
    CreatedAt => "Created", "Creata il";
    UpdatedAt => "Last updated", "Ultimo aggiornamento";
    OrganizationId => "Organization id", "Id dell'organizzazione";
    StripeCustomer => "Stripe customer", "Cliente Stripe";
    SubscriptionId => "Subscription id", "Id dell'abbonamento";
    LegacyId => "Legacy id", "Id precedente";
    SignedInAs => "Signed in as", "Accesso come";

    Hierarchy => "Hierarchy", "Gerarchia";
    ParentOrganization => "Parent organization", "Organizzazione madre";
    SubOrganizations => "Sub-organizations", "Sotto-organizzazioni";
    HasSubOrgs => "This organization has sub-organizations.", "Questa organizzazione ha sotto-organizzazioni.";
    NoSubOrgs => "No sub-organizations.", "Nessuna sotto-organizzazione.";
    TopOfHierarchy => "Top of the hierarchy", "Vertice della gerarchia";
    Contract => "Contract", "Contratto";
    NextContract => "Next contract", "Prossimo contratto";
    Start => "Start", "Inizio";
    End => "End", "Fine";
    Length => "Length", "Durata";
    BillingCycle => "Billing cycle", "Ciclo di fatturazione";
    NoContract => "No contract on record.", "Nessun contratto registrato.";
    NoNextContract => "No next contract scheduled.", "Nessun contratto successivo programmato.";
    Plan => "Plan", "Piano";
    Owner => "Owner", "Titolare";
    Role => "Role", "Ruolo";
    AccountStatus => "Account status", "Stato dell'account";
    Since => "Since", "Dal";
    NoOwner => "No owner on record.", "Nessun titolare registrato.";
    BusinessSettings => "Business settings", "Impostazioni business";
    Category => "Category", "Categoria";
    TaxId => "Tax id", "Identificativo fiscale";
    CreateSite => "Site creation", "Creazione di siti";
    SiteLimit => "Site limit", "Limite di siti";
    CustomDomain => "Custom domain", "Dominio personalizzato";
    MarketplaceUrl => "Marketplace URL", "URL del marketplace";
    NoBusinessSettings => "Business settings apply to business organizations only.", "Le impostazioni business valgono solo per le organizzazioni business.";
    LicenseKey => "License key", "Chiave di licenza";
    TimeZone => "Time zone", "Fuso orario";
    OwnerEmail => "Owner e-mail", "E-mail del titolare";

    NoOrganizationTitle => "No organization", "Nessuna organizzazione";
    NoOrganizationBody => "This account is not linked to any BlendVision One organization yet. If you were invited, ask the person who invited you to check the invitation; otherwise sign in with another account.", "Questo account non è ancora collegato a un'organizzazione BlendVision One. Se hai ricevuto un invito, chiedi a chi ti ha invitato di verificarlo; altrimenti accedi con un altro account.";
    SignInAnother => "Sign in with another account", "Accedi con un altro account";
    PublicUnavailableTitle => "This page is not available", "Questa pagina non è disponibile";
    PublicUnavailableBody => "The organization's public profile does not exist or is not public. If you followed a link from a badge, the badge itself is still valid: ask the issuer for their public page.", "Il profilo pubblico dell'organizzazione non esiste o non è pubblico. Se hai seguito un link da un badge, il badge resta valido: chiedi all'ente la sua pagina pubblica.";
    BadgeTemplates => "Badges", "Badge";
    BadgeTypes => "Badge types", "Tipi di badge";
    LearningPaths => "Learning paths", "Percorsi di apprendimento";
    NoBadgeTemplates => "No badges published yet.", "Nessun badge pubblicato per ora.";
    NoLearningPaths => "No learning paths published yet.", "Nessun percorso di apprendimento pubblicato per ora.";
    Location => "Location", "Sede";
    VisitWebsite => "Website", "Sito web";
    BadgesIssuedCount => "badges issued", "badge rilasciati";
    IssuerProfile => "Issuer profile", "Profilo dell'ente";
    PublishedBadges => "published badges", "badge pubblicati";
    Overview => "Overview", "Panoramica";
    OrganizationNav => "Organization", "Organizzazione";
    Saving => "Saving…", "Salvataggio…";
    Saved => "Saved.", "Salvato.";
    PublicProfileLead => "Choose what visitors see on your public page. Each switch saves at once.", "Scegli cosa vedono i visitatori sulla tua pagina pubblica. Ogni interruttore salva subito.";
    PublicProfileHelp => "Anyone with the link can see the page: name, logo, description, website and location.", "Chiunque abbia il link può vedere la pagina: nome, logo, descrizione, sito web e sede.";
    BadgeTypesHelp => "How many published badges of each type you offer.", "Quanti badge pubblicati offri per ciascun tipo.";
    LearningPathsHelp => "Your published learning paths.", "I tuoi percorsi di apprendimento pubblicati.";
    BadgeTemplatesHelp => "Your published badges, with image, type and a short description.", "I tuoi badge pubblicati, con immagine, tipo e una breve descrizione.";
    SectionsNeedProfile => "Turn on the public profile first: these sections only appear on a public page.", "Attiva prima il profilo pubblico: queste sezioni compaiono solo su una pagina pubblica.";
    SaveFailedRolledBack => "The change was not saved, so the switch is back as it was.", "La modifica non è stata salvata, quindi l'interruttore è tornato com'era.";
    ReloadedAfterConflict => "Someone else changed these settings meanwhile: the switches now show the latest values. Try again.", "Nel frattempo qualcun altro ha cambiato queste impostazioni: gli interruttori ora mostrano i valori aggiornati. Riprova.";
    Preview => "Preview", "Anteprima";
    PreviewLead => "What visitors see, updated as you change the switches.", "Ciò che vedono i visitatori, aggiornato mentre cambi gli interruttori.";
    PreviewUnavailable => "The profile is off: visitors see “This page is not available”.", "Il profilo è disattivato: i visitatori vedono “Questa pagina non è disponibile”.";
    OpenPublicPage => "Open the public page", "Apri la pagina pubblica";
    CopyLink => "Copy link", "Copia link";
    LinkCopied => "Link copied.", "Link copiato.";
    CopyFailed => "Copying did not work: select the address and copy it.", "Copia non riuscita: seleziona l'indirizzo e copialo.";
    Statistics => "Statistics", "Statistiche";
    StatisticsLead => "How your badge programme is going.", "Come procede il tuo programma di badge.";
    Earners => "Earners", "Destinatari";
    BadgesPerMonth => "Badges issued per month", "Badge rilasciati per mese";
    Year => "Year", "Anno";
    Month => "Month", "Mese";
    Total => "Total", "Totale";
    NoBadgesInYear => "No badges were issued in this year. Choose another year to see its months.", "In quest'anno non è stato rilasciato alcun badge. Scegli un altro anno per vederne i mesi.";
    NoBadgesYet => "No badges issued yet: once you issue your first badge, your year shows up here month by month.", "Nessun badge rilasciato finora: dopo il primo badge, qui vedrai il tuo anno mese per mese.";
    ThisMonth => "this month", "questo mese";
    YearLoadFailed => "That year could not be loaded.", "Non è stato possibile caricare quell'anno.";
    ErrTooLargeFile => "The file is too large: upload an image of at most 5 MB.", "Il file è troppo grande: carica un'immagine di al massimo 5 MB.";
    UploadCancelled => "Upload cancelled: nothing was changed.", "Caricamento annullato: non è cambiato nulla.";
    LogoLead => "Your logo appears on your public page and beside your badges. Use a square PNG, JPEG or WebP image of at least 200 × 200 pixels and at most 5 MB.", "Il tuo logo compare sulla pagina pubblica e accanto ai tuoi badge. Usa un'immagine quadrata PNG, JPEG o WebP di almeno 200 × 200 pixel e al massimo 5 MB.";
    CurrentLogo => "Current logo", "Logo attuale";
    NewLogo => "New logo", "Nuovo logo";
    ChooseImage => "Choose an image", "Scegli un'immagine";
    ChooseImageHint => "Or drop an image file on this box. Nothing is sent until you upload.", "Oppure trascina un file immagine in questo riquadro. Non viene inviato nulla finché non carichi.";
    AsInHeader => "Public page header", "Intestazione della pagina pubblica";
    AsInBadgeCard => "Badge card", "Scheda del badge";
    AsThumbnail => "Thumbnail", "Miniatura";
    Upload => "Upload logo", "Carica il logo";
    Uploading => "Uploading…", "Caricamento…";
    Cancel => "Cancel", "Annulla";
    LogoSaved => "Logo saved: all three sizes are ready.", "Logo salvato: le tre dimensioni sono pronte.";
    RemoveLogo => "Remove logo", "Rimuovi il logo";
    RemoveLogoConfirm => "Remove the logo? Visitors will see your page without one.", "Rimuovere il logo? I visitatori vedranno la pagina senza logo.";
    YesRemove => "Yes, remove it", "Sì, rimuovilo";
    KeepLogo => "Keep it", "Mantienilo";
    LogoRemoved => "Logo removed.", "Logo rimosso.";
    LogoNotAnImage => "This file is not a PNG, JPEG or WebP image: choose one of those.", "Questo file non è un'immagine PNG, JPEG o WebP: scegline una di questi tipi.";
    LogoTooBig => "The file is larger than 5 MB: choose a smaller image or export it again at a lower quality.", "Il file supera i 5 MB: scegli un'immagine più piccola o esportala di nuovo con qualità inferiore.";
    LogoTooSmall => "The image is smaller than 200 × 200 pixels: choose a larger one so it stays sharp.", "L'immagine è più piccola di 200 × 200 pixel: scegline una più grande perché resti nitida.";
    LogoTooManyPixels => "The image is larger than 8000 × 8000 pixels: resize it and try again.", "L'immagine supera 8000 × 8000 pixel: ridimensionala e riprova.";
    LogoUnreadable => "The image could not be read: it may be damaged. Save it again and choose the new file.", "Non è stato possibile leggere l'immagine: potrebbe essere danneggiata. Salvala di nuovo e scegli il nuovo file.";
    NotFoundTitle => "Page not found", "Pagina non trovata";
    NotFoundBody => "There is nothing at this address. Check it, or start again from the start page.", "A questo indirizzo non c'è nulla. Controllalo o ricomincia dalla pagina iniziale.";
    GoHome => "Go to the start page", "Vai alla pagina iniziale";
}
