//! Identifiers and payment references formed as Conekta forms them.
//!
//! - Object ids: a prefix and 17 base-58 characters (`ord_2tTirxDJEFDe8NUAN`,
//!   `cus_…`, `src_…`, `off_ref_…`), or 24 hex digits for charges, events,
//!   webhooks, webhook keys, refunds and log ids (`6402464645f9e8000165c2ca`):
//!   the shapes of the ids in Conekta's API fixtures.
//! - OXXO references: 14 digits (sandbox ones start `93000`).
//! - Recurrent cash references: 20 digits.
//! - SPEI CLABEs: 18 digits, bank `646` (STP), with the CLABE check digit.
//!
//! Each id ends with a counter, so ids never repeat within one fake.

use std::sync::atomic::{AtomicU64, Ordering};

/// Base-58 (Bitcoin's alphabet), as Conekta's prefixed ids use.
const BASE58: &[u8] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/// Makes the ids and references of one fake.
#[derive(Debug, Default)]
pub(crate) struct Ids {
    counter: AtomicU64,
}

impl Ids {
    fn next(&self) -> u64 {
        self.counter.fetch_add(1, Ordering::Relaxed) + 1
    }

    /// `prefix` and 17 base-58 characters, e.g. `ord_2tTirxDJEFDe8NUAN`.
    pub(crate) fn prefixed(&self, prefix: &str) -> String {
        let mut id = String::with_capacity(prefix.len() + 17);
        id.push_str(prefix);
        id.push('2');
        for _ in 0..10 {
            id.push(char::from(BASE58[fastrand::usize(..BASE58.len())]));
        }
        let mut counter = self.next();
        let mut tail = [b'1'; 6];
        for slot in tail.iter_mut().rev() {
            *slot = BASE58[(counter % 58) as usize];
            counter /= 58;
        }
        id.extend(tail.iter().map(|&b| char::from(b)));
        id
    }

    /// 24 hex digits, e.g. `6402464645f9e8000165c2ca`.
    pub(crate) fn hex(&self) -> String {
        format!(
            "{:012x}{:012x}",
            fastrand::u64(..1 << 48),
            self.next() & 0xffff_ffff_ffff
        )
    }

    /// A 14-digit OXXO reference, `93000` and nine digits.
    pub(crate) fn oxxo_reference(&self) -> String {
        format!("93000{:09}", self.next() % 1_000_000_000)
    }

    /// A 20-digit recurrent cash reference.
    pub(crate) fn recurrent_cash_reference(&self) -> String {
        format!(
            "1000{:06}{:010}",
            fastrand::u32(..1_000_000),
            self.next() % 10_000_000_000
        )
    }

    /// An 18-digit STP CLABE with its check digit.
    pub(crate) fn clabe(&self) -> String {
        clabe_with_check_digit(&format!("646180{:011}", self.next() % 100_000_000_000))
    }
}

/// `first17` (17 digits) and the CLABE check digit: the weights 3, 7, 1
/// repeated, each product taken modulo 10, the sum's complement to 10.
fn clabe_with_check_digit(first17: &str) -> String {
    let sum: u32 = first17
        .bytes()
        .zip([3, 7, 1].iter().cycle())
        .map(|(digit, weight)| (u32::from(digit - b'0') * weight) % 10)
        .sum();
    let check = (10 - sum % 10) % 10;
    format!("{first17}{check}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clabes_have_conektas_check_digits() {
        // CLABEs from Conekta's fixtures.
        for clabe in [
            "646180111805035870",
            "646021111870483040",
            "734180008033435128",
        ] {
            assert_eq!(clabe_with_check_digit(&clabe[..17]), clabe);
        }
        let ids = Ids::default();
        let clabe = ids.clabe();
        assert_eq!(clabe.len(), 18);
        assert_eq!(clabe_with_check_digit(&clabe[..17]), clabe);
    }

    #[test]
    fn ids_have_conektas_shapes_and_never_repeat() {
        let ids = Ids::default();
        let order = ids.prefixed("ord_");
        assert_eq!(order.len(), "ord_2tTirxDJEFDe8NUAN".len());
        assert_ne!(ids.prefixed("ord_"), order);
        let hex = ids.hex();
        assert_eq!(hex.len(), 24);
        assert!(hex.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_eq!(ids.oxxo_reference().len(), 14);
        assert_eq!(ids.recurrent_cash_reference().len(), 20);
    }
}
