//! Messages with typed arguments and plurals: `msg::page_of(lang, 2, 7)`.
//! Both languages side by side, as in the `T` table; see `orgdesk_model::lang`.

orgdesk_model::messages! {
    /// While a rate-limited save waits to try again.
    pub fn server_busy(secs: u32) => "The server is busy: trying again in {secs} s…", "Il server è occupato: nuovo tentativo tra {secs} s…";
    pub fn vat_country_note(country: &str) => "Checked for the address country: {country}.", "Controllata per il paese dell'indirizzo: {country}.";
    /// `shown` is `count` as the viewer's language writes it.
    pub fn sub_orgs_count(count: i64, shown: &str) plural(count) => ["{shown} organization", "{shown} organizations"], ["{shown} organizzazione", "{shown} organizzazioni"];
    pub fn page_of(page: u32, pages: u32) => "Page {page} of {pages}", "Pagina {page} di {pages}";
    pub fn months(n: i64) plural(n) => ["{n} month", "{n} months"], ["{n} mese", "{n} mesi"];
    pub fn days(n: i64) plural(n) => ["{n} day", "{n} days"], ["{n} giorno", "{n} giorni"];
    /// "1 month and 15 days".
    pub fn both(first: &str, second: &str) => "{first} and {second}", "{first} e {second}";
    pub fn billing_cycle(months: i64) plural(months) => ["monthly", "every {months} months"], ["mensile", "ogni {months} mesi"];
    pub fn days_left(n: i64) plural(n) => ["{n} day left", "{n} days left"], ["{n} giorno rimasto", "{n} giorni rimasti"];
    /// Sign-in refused after repeated failures; `minutes` rounded up, at least 1.
    pub fn sign_in_locked(minutes: u32) plural(minutes) => ["Too many attempts. Try again in {minutes} minute.", "Too many attempts. Try again in {minutes} minutes."], ["Troppi tentativi. Riprova tra {minutes} minuto.", "Troppi tentativi. Riprova tra {minutes} minuti."];
}
