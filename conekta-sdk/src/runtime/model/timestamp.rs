//! [`Timestamp`]: the times Conekta sends (`created_at`, `expires_at`, …), as
//! whole seconds since the Unix epoch.

use std::fmt;
use std::ops::{Add, Sub};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A point in time as Conekta writes it: whole seconds since the Unix epoch,
/// in UTC (`1676328434`).
///
/// Every integer `…_at` field of the models is one (the override table's
/// `timestamps` says which): `order.created_at`, a cash reference's
/// `expires_at`, a checkout's `starts_at`. On the wire it stays the integer.
/// Setters take an `i64` too, so `.expires_at(1_700_000_000)` still works.
///
/// ```
/// use conekta_sdk::Timestamp;
/// use std::time::Duration;
///
/// let expires = Timestamp::now() + Duration::from_secs(3 * 24 * 60 * 60);
/// assert!(expires > Timestamp::now());
/// assert_eq!(Timestamp::from(1_676_328_434).unix_seconds(), 1_676_328_434);
/// ```
///
/// With the `time` feature it converts to and from [`time::OffsetDateTime`]
/// ([`Timestamp::to_offset_date_time`]); without it, [`Timestamp::to_system_time`].
/// Some answers use `0` for "never" (cash references without an expiry).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Timestamp(i64);

impl Timestamp {
    /// The Unix epoch (`0`), which Conekta also sends for "never".
    pub const EPOCH: Self = Self(0);

    /// The time `seconds` after the Unix epoch (before it when negative).
    #[must_use]
    pub const fn from_unix_seconds(seconds: i64) -> Self {
        Self(seconds)
    }

    /// Seconds since the Unix epoch, as on the wire.
    #[must_use]
    pub const fn unix_seconds(self) -> i64 {
        self.0
    }

    /// The current time, rounded down to the second.
    #[must_use]
    pub fn now() -> Self {
        Self::from(SystemTime::now())
    }

    /// This time as a [`SystemTime`].
    #[must_use]
    pub fn to_system_time(self) -> SystemTime {
        let magnitude = Duration::from_secs(self.0.unsigned_abs());
        if self.0 >= 0 {
            UNIX_EPOCH + magnitude
        } else {
            UNIX_EPOCH - magnitude
        }
    }

    /// This time as a [`time::OffsetDateTime`] in UTC (feature `time`).
    ///
    /// # Errors
    /// When the time is outside the years `-9999..=9999`, which `time` covers.
    #[cfg(feature = "time")]
    pub fn to_offset_date_time(self) -> Result<time::OffsetDateTime, time::error::ComponentRange> {
        time::OffsetDateTime::from_unix_timestamp(self.0)
    }
}

impl From<i64> for Timestamp {
    fn from(seconds: i64) -> Self {
        Self(seconds)
    }
}

impl From<Timestamp> for i64 {
    fn from(time: Timestamp) -> Self {
        time.0
    }
}

impl From<SystemTime> for Timestamp {
    /// Rounds down to the second; saturates far outside the `i64` range.
    fn from(time: SystemTime) -> Self {
        let seconds = match time.duration_since(UNIX_EPOCH) {
            Ok(after) => i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
            Err(before) => {
                let before = before.duration();
                let whole = i64::try_from(before.as_secs()).unwrap_or(i64::MAX);
                // 1.5 s before the epoch is -2 when rounded down.
                if before.subsec_nanos() > 0 {
                    whole.saturating_neg().saturating_sub(1)
                } else {
                    whole.saturating_neg()
                }
            }
        };
        Self(seconds)
    }
}

impl From<Timestamp> for SystemTime {
    fn from(time: Timestamp) -> Self {
        time.to_system_time()
    }
}

#[cfg(feature = "time")]
impl From<time::OffsetDateTime> for Timestamp {
    /// Rounds down to the second.
    fn from(time: time::OffsetDateTime) -> Self {
        Self(time.unix_timestamp())
    }
}

#[cfg(feature = "time")]
impl TryFrom<Timestamp> for time::OffsetDateTime {
    type Error = time::error::ComponentRange;

    fn try_from(time: Timestamp) -> Result<Self, Self::Error> {
        time.to_offset_date_time()
    }
}

impl Add<Duration> for Timestamp {
    type Output = Self;

    /// Whole seconds of `duration` later; saturates at `i64::MAX`.
    fn add(self, duration: Duration) -> Self {
        let seconds = i64::try_from(duration.as_secs()).unwrap_or(i64::MAX);
        Self(self.0.saturating_add(seconds))
    }
}

impl Sub<Duration> for Timestamp {
    type Output = Self;

    /// Whole seconds of `duration` earlier; saturates at `i64::MIN`.
    fn sub(self, duration: Duration) -> Self {
        let seconds = i64::try_from(duration.as_secs()).unwrap_or(i64::MAX);
        Self(self.0.saturating_sub(seconds))
    }
}

impl fmt::Display for Timestamp {
    /// The seconds since the Unix epoch, as on the wire.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl serde::Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        i64::deserialize(deserializer).map(Self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_times_round_down_to_the_second() {
        let at = |secs: i64, nanos: u32| {
            let base = Timestamp(secs).to_system_time();
            Timestamp::from(base + Duration::from_nanos(u64::from(nanos)))
        };
        assert_eq!(at(1_676_328_434, 999_999_999), Timestamp(1_676_328_434));
        assert_eq!(at(-2, 500_000_000), Timestamp(-2));
        assert_eq!(at(0, 0), Timestamp::EPOCH);
        assert_eq!(
            Timestamp(-5).to_system_time(),
            UNIX_EPOCH - Duration::from_secs(5)
        );
    }

    #[test]
    fn arithmetic_saturates() {
        let day = Duration::from_secs(86_400);
        assert_eq!(Timestamp(0) + day, Timestamp(86_400));
        assert_eq!(Timestamp(86_400) - day, Timestamp(0));
        assert_eq!(Timestamp(i64::MAX) + day, Timestamp(i64::MAX));
        assert_eq!(Timestamp(i64::MIN) - day, Timestamp(i64::MIN));
    }

    #[test]
    fn is_the_integer_on_the_wire() {
        let time: Timestamp = serde_json::from_str("1676328434").unwrap();
        assert_eq!(time, Timestamp::from(1_676_328_434));
        assert_eq!(serde_json::to_string(&time).unwrap(), "1676328434");
        assert_eq!(time.to_string(), "1676328434");
        assert!(serde_json::from_str::<Timestamp>("\"soon\"").is_err());
    }

    #[cfg(feature = "time")]
    #[test]
    fn converts_to_and_from_time() {
        let time = Timestamp(1_676_328_434).to_offset_date_time().unwrap();
        assert_eq!(time.year(), 2023);
        assert_eq!(Timestamp::from(time), Timestamp(1_676_328_434));
        assert!(Timestamp(i64::MAX).to_offset_date_time().is_err());
    }
}
