//! Human labels for the APIs' enum values. Values nobody documented are shown
//! raw, as sent, rather than hidden.

use super::Lang;
use orgdesk_model::blendvision as bv;
use orgdesk_model::openbadge as ob;

fn pick<'a>(lang: Lang, en: &'a str, it: &'a str) -> &'a str {
    match lang {
        Lang::En => en,
        Lang::It => it,
    }
}

macro_rules! labels {
    ($fn_name:ident, $m:ident :: $ty:ident { $($variant:ident => $en:literal, $it:literal;)+ }) => {
        pub fn $fn_name(value: &$m::$ty, lang: Lang) -> String {
            match value {
                $($m::$ty::$variant => pick(lang, $en, $it).to_string(),)+
                $m::$ty::Unknown(raw) => raw.clone(),
            }
        }
    };
}

/// Shared with the server, which writes the public page's first paint.
pub fn org_type_label(value: &ob::OrgType, lang: Lang) -> String {
    orgdesk_model::words::org_type(value, lang == Lang::It)
}

pub fn activity_label(value: &ob::Activity, lang: Lang) -> String {
    orgdesk_model::words::activity(value, lang == Lang::It)
}

labels!(language_label, ob::Language {
    It => "Italian", "Italiano";
    En => "English", "Inglese";
});

labels!(org_status_label, ob::OrgStatus {
    Enabled => "Enabled", "Abilitata";
    Disabled => "Disabled", "Disabilitata";
});

labels!(subscription_status_label, ob::SubscriptionStatus {
    Active => "Active", "Attivo";
    Cancelled => "Cancelled", "Annullato";
});

labels!(bv_type_label, bv::OrganizationType {
    Root => "Root", "Radice";
    GeneralDistributor => "General distributor", "Distributore generale";
    Reseller => "Reseller", "Rivenditore";
    Business => "Business", "Business";
});

labels!(bv_status_label, bv::OrganizationStatus {
    Activated => "Activated", "Attiva";
    Verifying => "Verifying", "In verifica";
    FailToVerify => "Verification failed", "Verifica non riuscita";
    Deactivated => "Deactivated", "Disattivata";
    Deleting => "Being deleted", "In eliminazione";
    Deleted => "Deleted", "Eliminata";
    ActivationScheduled => "Activation scheduled", "Attivazione programmata";
});

/// One line saying what a status means, for help text beside it.
pub fn bv_status_help(value: &bv::OrganizationStatus, lang: Lang) -> Option<&'static str> {
    use bv::OrganizationStatus as S;
    Some(match value {
        S::Activated => pick(lang, "In use.", "In uso."),
        S::Verifying => pick(lang, "Created, waiting for the owner to verify the account.", "Creata, in attesa che il titolare verifichi l'account."),
        S::FailToVerify => pick(lang, "The owner's invitation expired before it was accepted.", "L'invito al titolare è scaduto prima di essere accettato."),
        S::Deactivated => pick(lang, "The contract expired or the parent organization switched it off.", "Il contratto è scaduto o l'organizzazione madre l'ha disattivata."),
        S::Deleting => pick(lang, "Waiting for its resources to be removed.", "In attesa che le sue risorse vengano rimosse."),
        S::Deleted => pick(lang, "Deleted.", "Eliminata."),
        S::ActivationScheduled => pick(lang, "The first contract has not started yet.", "Il primo contratto non è ancora iniziato."),
        S::Unknown(_) => return None,
    })
}

labels!(account_status_label, bv::AccountStatus {
    Activated => "Active", "Attivo";
    Deactivated => "Deactivated", "Disattivato";
});

labels!(role_label, bv::RoleType {
    Owner => "Owner", "Titolare";
    Admin => "Administrator", "Amministratore";
    Staff => "Staff", "Staff";
    Developer => "Developer", "Sviluppatore";
    ContentContributor => "Content contributor", "Collaboratore ai contenuti";
    Custom => "Custom role", "Ruolo personalizzato";
    CxmAdmin => "CXM administrator", "Amministratore CXM";
    CxmModerator => "CXM moderator", "Moderatore CXM";
    CxmContributor => "CXM contributor", "Collaboratore CXM";
    CxmParticipant => "CXM participant", "Partecipante CXM";
});

labels!(plan_label, bv::BusinessPlanType {
    Bvone => "BVOne", "BVOne";
    Cxm => "CXM", "CXM";
    Cpm => "CPM", "CPM";
});

/// "12 months", "1 month and 15 days", "30 days".
pub fn contract_length(months: Option<i64>, days: Option<i64>, lang: Lang) -> Option<String> {
    let part = |n: i64, one: (&str, &str), many: (&str, &str)| {
        let (en, it) = if n == 1 { one } else { many };
        format!("{n} {}", pick(lang, en, it))
    };
    let m = months.filter(|m| *m > 0).map(|m| part(m, ("month", "mese"), ("months", "mesi")));
    let d = days.filter(|d| *d > 0).map(|d| part(d, ("day", "giorno"), ("days", "giorni")));
    match (m, d) {
        (Some(m), Some(d)) => Some(format!("{m} {} {d}", pick(lang, "and", "e"))),
        (m, d) => m.or(d),
    }
}

/// "every 3 months".
pub fn billing_cycle_text(months: i64, lang: Lang) -> String {
    match (months, lang) {
        (1, Lang::En) => "monthly".to_string(),
        (1, Lang::It) => "mensile".to_string(),
        (n, Lang::En) => format!("every {n} months"),
        (n, Lang::It) => format!("ogni {n} mesi"),
    }
}

/// "23 days left", "ended".
pub fn days_left_text(days: i64, lang: Lang) -> String {
    match (days, lang) {
        (d, Lang::En) if d < 0 => "ended".to_string(),
        (d, Lang::It) if d < 0 => "terminato".to_string(),
        (0, Lang::En) => "ends today".to_string(),
        (0, Lang::It) => "termina oggi".to_string(),
        (1, Lang::En) => "1 day left".to_string(),
        (1, Lang::It) => "1 giorno rimasto".to_string(),
        (d, Lang::En) => format!("{d} days left"),
        (d, Lang::It) => format!("{d} giorni rimasti"),
    }
}

/// What to tell the admin when a request failed for a reason that is not a
/// field's fault.
pub fn api_error_key(error: &crate::core::error::ApiError) -> super::T {
    use super::T;
    use crate::core::error::ApiError as E;
    match error {
        E::Network => T::ErrNetwork,
        E::Timeout => T::ErrTimeout,
        E::Unauthenticated { .. } => T::SessionEnded,
        E::Forbidden { .. } => T::ErrForbidden,
        E::NotFound { .. } => T::ErrNotFound,
        E::Conflict => T::ErrConflict,
        E::Invalid { .. } => T::ErrInvalid,
        E::RateLimited { .. } => T::ErrRateLimited,
        E::Server { .. } => T::ErrServer,
        E::Decode(_) => T::ErrDecode,
        E::TooLarge { .. } => T::ErrTooLargeFile,
        E::Cancelled => T::UploadCancelled,
    }
}

labels!(badge_type_label, ob::BadgeType {
    Skills => "Skills", "Competenze";
    Participation => "Participation", "Partecipazione";
    Knowledge => "Knowledge", "Conoscenze";
    Qualification => "Qualification", "Qualifica";
});

/// An owner's invitation status, in words; unknown values as sent.
pub fn invite_status_label(value: &str, lang: Lang) -> String {
    use super::T;
    let key = match value.trim_start_matches("INVITE_STATUS_") {
        "ACCEPTED" | "ACTIVATED" => T::InviteAccepted,
        "PENDING" | "SENT" | "INVITED" => T::InvitePending,
        "EXPIRED" => T::InviteExpired,
        _ => return value.to_string(),
    };
    key.text(lang).to_string()
}
