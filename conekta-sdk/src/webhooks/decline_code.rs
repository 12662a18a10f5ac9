//! [`DeclineCode`]: why a recurrent cash lookup or payment attempt is refused.

crate::open_enum! {
    /// The `failure_code` of a declined [`LookupResponse`](super::LookupResponse)
    /// or [`PaymentAttemptResponse`](super::PaymentAttemptResponse): a
    /// two-digit string from the table at the end of Conekta's recurrent cash
    /// guide ("Códigos de rechazo"). The store's cashier shows it to the payer.
    ///
    /// Open: an unlisted code is kept in [`DeclineCode::Unknown`].
    pub enum DeclineCode {
        /// Reference not found ("Referencia no encontrada").
        ReferenceNotFound => "01",
        /// Invalid amount ("Cantidad inválida").
        InvalidAmount => "02",
        /// Reference expired ("Referencia expirada").
        ReferenceExpired => "03",
        /// The reference has no debt to pay ("Referencia sin deuda").
        NoDebt => "10",
        /// Reference inactive ("Referencia inactiva").
        ReferenceInactive => "13",
        /// Reference cancelled ("Referencia cancelada").
        ReferenceCancelled => "14",
        /// User blocked ("Usuario bloqueado").
        UserBlocked => "15",
        /// Amount not allowed ("Cantidad no permitida").
        AmountNotAllowed => "16",
        /// Merchant outside business hours ("Comercio fuera de horario").
        MerchantOutOfHours => "18",
        /// Not authorised ("No autorizado").
        NotAuthorised => "19",
        /// Amount outside the allowed range ("Monto fuera del rango permitido").
        AmountOutOfRange => "35",
        /// Reference already paid ("Referencia ya pagada").
        AlreadyPaid => "36",
    }
}

impl DeclineCode {
    /// A short English description of the code.
    #[must_use]
    pub fn description(&self) -> &'static str {
        match self {
            Self::ReferenceNotFound => "reference not found",
            Self::InvalidAmount => "invalid amount",
            Self::ReferenceExpired => "reference expired",
            Self::NoDebt => "reference has no debt",
            Self::ReferenceInactive => "reference inactive",
            Self::ReferenceCancelled => "reference cancelled",
            Self::UserBlocked => "user blocked",
            Self::AmountNotAllowed => "amount not allowed",
            Self::MerchantOutOfHours => "merchant outside business hours",
            Self::NotAuthorised => "not authorised",
            Self::AmountOutOfRange => "amount outside the allowed range",
            Self::AlreadyPaid => "reference already paid",
            Self::Unknown(_) => "unknown decline code",
        }
    }
}
