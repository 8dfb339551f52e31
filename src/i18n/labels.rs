//! Human labels for the APIs' enum values. Values nobody documented are shown
//! raw, as sent, rather than hidden.

use super::{msg, Lang, T};
use orgdesk_model::blendvision as bv;
use orgdesk_model::{labels, texts};
use orgdesk_model::openbadge as ob;

/// Shared with the server, which writes the public page's first paint.
pub use orgdesk_model::words::{activity as activity_label, org_type as org_type_label};

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

texts! {
    enum StatusHelp {
        Activated => "In use.", "In uso.";
        Verifying => "Created, waiting for the owner to verify the account.", "Creata, in attesa che il titolare verifichi l'account.";
        FailToVerify => "The owner's invitation expired before it was accepted.", "L'invito al titolare è scaduto prima di essere accettato.";
        Deactivated => "The contract expired or the parent organization switched it off.", "Il contratto è scaduto o l'organizzazione madre l'ha disattivata.";
        Deleting => "Waiting for its resources to be removed.", "In attesa che le sue risorse vengano rimosse.";
        Deleted => "Deleted.", "Eliminata.";
        ActivationScheduled => "The first contract has not started yet.", "Il primo contratto non è ancora iniziato.";
    }
}

/// One line saying what a status means, for help text beside it; nothing for
/// statuses nobody documented.
pub fn bv_status_help(value: &bv::OrganizationStatus, lang: Lang) -> Option<&'static str> {
    use bv::OrganizationStatus as S;
    let help = match value {
        S::Activated => StatusHelp::Activated,
        S::Verifying => StatusHelp::Verifying,
        S::FailToVerify => StatusHelp::FailToVerify,
        S::Deactivated => StatusHelp::Deactivated,
        S::Deleting => StatusHelp::Deleting,
        S::Deleted => StatusHelp::Deleted,
        S::ActivationScheduled => StatusHelp::ActivationScheduled,
        S::Unknown(_) => return None,
    };
    Some(help.text(lang))
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
    let m = months.filter(|m| *m > 0).map(|m| msg::months(lang, m));
    let d = days.filter(|d| *d > 0).map(|d| msg::days(lang, d));
    match (m, d) {
        (Some(m), Some(d)) => Some(msg::both(lang, &m, &d)),
        (m, d) => m.or(d),
    }
}

/// "monthly", "every 3 months".
pub fn billing_cycle_text(months: i64, lang: Lang) -> String {
    msg::billing_cycle(lang, months)
}

/// "23 days left", "ends today", "ended".
pub fn days_left_text(days: i64, lang: Lang) -> String {
    match days {
        d if d < 0 => T::DaysLeftEnded.text(lang).to_string(),
        0 => T::EndsToday.text(lang).to_string(),
        d => msg::days_left(lang, d),
    }
}

/// What to tell the admin when a request failed for a reason that is not a
/// field's fault.
pub fn api_error_key(error: &crate::core::error::ApiError) -> T {
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
        E::NotOffered => T::ErrNotOffered,
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
    let key = match value.trim_start_matches("INVITE_STATUS_") {
        "ACCEPTED" | "ACTIVATED" => T::InviteAccepted,
        "PENDING" | "SENT" | "INVITED" => T::InvitePending,
        "EXPIRED" => T::InviteExpired,
        _ => return value.to_string(),
    };
    key.text(lang).to_string()
}
