//! Conekta's test-mode card tokens, as the fake honours them.
//!
//! Sources (see the crate's README, "Sources"): the success tokens are the ones
//! Conekta's own SDK test suites charge (conekta-php, conekta-ruby,
//! conekta-node, conekta-python); the decline tokens are from Conekta's test
//! card table as quoted in conekta-ruby issue #1 and charged in conekta-php's
//! `ErrorHandlerTest`. Any other `tok_…` is unknown to the fake and answered as
//! Conekta answers an unknown token: a 422 naming `payment_method.token_id`.
//!
//! Raw card numbers (`PaymentMethodCardRequest`) of the same test cards have
//! the same outcomes.

/// Visa 4242 4242 4242 4242: the charge is paid.
pub const VISA: &str = "tok_test_visa_4242";
/// Mastercard 5555 5555 5555 4444: the charge is paid.
pub const MASTERCARD: &str = "tok_test_mastercard_4444";
/// Visa 4012 8888 8888 1881: the charge is paid.
pub const VISA_1881: &str = "tok_test_visa_1881";
/// Mastercard 5105 1051 0510 5100 (issuer Banorte): the charge is paid.
pub const MASTERCARD_5100: &str = "tok_test_mastercard_5100";
/// Card 4000 0000 0000 0002: declined by the bank (HTTP 402
/// `processing_error`, charge `failure_code: card_declined`).
pub const DECLINED: &str = "tok_test_card_declined";
/// Card 4000 0000 0000 0127: insufficient funds (HTTP 402 `processing_error`,
/// charge `failure_code: insufficient_funds`).
pub const INSUFFICIENT_FUNDS: &str = "tok_test_insufficient_funds";

/// A test card: what its token or number stands for.
#[derive(Debug)]
pub(crate) struct TestCard {
    pub(crate) token: &'static str,
    pub(crate) number: &'static str,
    /// Conekta's `brand` wire value.
    pub(crate) brand: &'static str,
    pub(crate) issuer: &'static str,
    pub(crate) outcome: Outcome,
}

impl TestCard {
    /// The last four digits of the card number.
    pub(crate) fn last4(&self) -> &'static str {
        &self.number[self.number.len() - 4..]
    }

    /// The first six digits (`bin`).
    pub(crate) fn bin(&self) -> &'static str {
        &self.number[..6]
    }
}

/// What charging a test card does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    Paid,
    Declined(Decline),
}

/// Why a test card is declined: the error detail and the charge's
/// `failure_code` Conekta answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decline {
    CardDeclined,
    InsufficientFunds,
}

impl Decline {
    /// `details[].code` of the 402.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Self::CardDeclined => "conekta.errors.processing.bank.declined",
            Self::InsufficientFunds => "conekta.errors.processing.bank.insufficient_funds",
        }
    }

    /// The charge's `failure_code`.
    pub(crate) fn failure_code(self) -> &'static str {
        match self {
            Self::CardDeclined => "card_declined",
            Self::InsufficientFunds => "insufficient_funds",
        }
    }

    /// The Spanish `message` (Conekta's default language), as Conekta words it.
    pub(crate) fn message_es(self) -> &'static str {
        match self {
            Self::CardDeclined => {
                "La tarjeta ingresada ha sido declinada. Por favor intenta con otro método de pago."
            }
            Self::InsufficientFunds => "El límite de crédito de la tarjeta ha sido excedido.",
        }
    }

    /// The English `message` and `debug_message` (the fake's own wording:
    /// Conekta's English text for bank declines is not public).
    pub(crate) fn message_en(self) -> &'static str {
        match self {
            Self::CardDeclined => "The card was declined by the bank.",
            Self::InsufficientFunds => "The card does not have sufficient funds.",
        }
    }
}

/// Every test card the fake knows.
pub(crate) const CARDS: [TestCard; 6] = [
    TestCard {
        token: VISA,
        number: "4242424242424242",
        brand: "visa",
        issuer: "BANAMEX",
        outcome: Outcome::Paid,
    },
    TestCard {
        token: MASTERCARD,
        number: "5555555555554444",
        brand: "mastercard",
        issuer: "BANORTE",
        outcome: Outcome::Paid,
    },
    TestCard {
        token: VISA_1881,
        number: "4012888888881881",
        brand: "visa",
        issuer: "BANAMEX",
        outcome: Outcome::Paid,
    },
    TestCard {
        token: MASTERCARD_5100,
        number: "5105105105105100",
        brand: "mastercard",
        issuer: "BANORTE",
        outcome: Outcome::Paid,
    },
    TestCard {
        token: DECLINED,
        number: "4000000000000002",
        brand: "visa",
        issuer: "BANAMEX",
        outcome: Outcome::Declined(Decline::CardDeclined),
    },
    TestCard {
        token: INSUFFICIENT_FUNDS,
        number: "4000000000000127",
        brand: "visa",
        issuer: "BANAMEX",
        outcome: Outcome::Declined(Decline::InsufficientFunds),
    },
];

/// The test card a token stands for.
pub(crate) fn by_token(token: &str) -> Option<&'static TestCard> {
    CARDS.iter().find(|card| card.token == token)
}

/// The test card with this number (spaces and dashes ignored).
pub(crate) fn by_number(number: &str) -> Option<&'static TestCard> {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    CARDS.iter().find(|card| card.number == digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_numbers_name_the_same_cards() {
        for card in &CARDS {
            assert_eq!(by_token(card.token).map(|c| c.number), Some(card.number));
            assert_eq!(by_number(card.number).map(|c| c.token), Some(card.token));
            assert!(card.token.ends_with(card.last4()) || card.outcome != Outcome::Paid);
        }
        assert_eq!(
            by_number("4242 4242 4242 4242").map(|c| c.token),
            Some(VISA)
        );
        assert!(by_token("tok_test_visa_4241").is_none());
    }
}
