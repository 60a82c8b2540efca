//! TP-Service-Centre-Time-Stamp (3GPP TS 23.040 §9.2.3.11): seven octets of swapped
//! semi-octets, year month day hour minute second and the time zone in quarters of an hour.

use core::fmt;

use crate::base::error::EncodeError;

/// A local date and time as an SMS time stamp carries it (the year in full).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct LocalTime {
    /// 1990–2089: the two digits on the wire are read as 19xx from 90 on, as 20xx below.
    pub year: u16,
    /// 1–12.
    pub month: u8,
    /// 1–31, as the month allows.
    pub day: u8,
    /// 0–23.
    pub hour: u8,
    /// 0–59.
    pub minute: u8,
    /// 0–59.
    pub second: u8,
}

/// TP-SCTS as on the wire; the accessors read it and return `None` when an octet is not two
/// decimal digits or the date does not exist (the decoder keeps such a stamp, it does not
/// stop the TPDU).
///
/// ```
/// use mms_pdu::sms::{LocalTime, Timestamp};
/// // 2024-02-29 13:45:30, UTC+1 (4 quarters): 42 20 92 31 54 03 40.
/// let ts = Timestamp::from_octets([0x42, 0x20, 0x92, 0x31, 0x54, 0x03, 0x40]);
/// assert_eq!(ts.zone_quarter_hours(), Some(4));
/// assert_eq!(ts.seconds_since_epoch(), Some(1_709_210_730));
/// assert_eq!(ts.to_string(), "2024-02-29T13:45:30+01:00");
/// let local = LocalTime { year: 2024, month: 2, day: 29, hour: 13, minute: 45, second: 30 };
/// assert_eq!(Timestamp::new(local, 4).unwrap(), ts);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Timestamp([u8; 7]);

/// The value of a swapped semi-octet pair (the tens digit in the low nibble).
const fn swapped(octet: u8) -> Option<u8> {
    let (tens, units) = (octet & 0x0F, octet >> 4);
    if tens > 9 || units > 9 {
        None
    } else {
        Some(tens * 10 + units)
    }
}

/// The octet of a value 0–99 as a swapped semi-octet pair.
const fn swap(value: u8) -> u8 {
    (value % 10) << 4 | (value / 10)
}

const fn is_leap(year: u16) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

const fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days from 1970-01-01 to the given date of the proleptic Gregorian calendar.
fn days_from_civil(year: u16, month: u8, day: u8) -> i64 {
    let (month, day) = (i64::from(month), i64::from(day));
    // Count years from March, so that the leap day ends the year.
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

impl LocalTime {
    /// Whether every field is in its range and the day exists.
    const fn is_valid(&self) -> bool {
        self.year >= 1990
            && self.year <= 2089
            && self.month >= 1
            && self.day >= 1
            && self.day <= days_in_month(self.year, self.month)
            && self.hour < 24
            && self.minute < 60
            && self.second < 60
    }
}

impl Timestamp {
    /// The seven octets as they are on the wire.
    pub const fn from_octets(octets: [u8; 7]) -> Self {
        Timestamp(octets)
    }

    /// A time stamp of `local` time in a zone `zone_quarter_hours` quarters of an hour ahead of
    /// UTC (negative: behind).
    ///
    /// # Errors
    /// [`EncodeError::Unencodable`] for a date outside 1990–2089, a field out of its range, a
    /// day the month does not have, or a zone beyond ±79 quarters (two digits and a sign).
    pub fn new(local: LocalTime, zone_quarter_hours: i8) -> Result<Self, EncodeError> {
        if !local.is_valid() {
            return Err(EncodeError::Unencodable {
                field: "TP-SCTS",
                reason: "not a date and time of 1990-2089",
            });
        }
        let zone = zone_quarter_hours.unsigned_abs();
        if zone > 79 {
            return Err(EncodeError::Unencodable {
                field: "TP-SCTS",
                reason: "time zone beyond 79 quarters of an hour",
            });
        }
        let sign = if zone_quarter_hours < 0 { 0x08 } else { 0 };
        let year = u8::try_from(local.year % 100).unwrap_or(0);
        Ok(Timestamp([
            swap(year),
            swap(local.month),
            swap(local.day),
            swap(local.hour),
            swap(local.minute),
            swap(local.second),
            swap(zone) | sign,
        ]))
    }

    /// The seven octets as they are on the wire.
    pub const fn octets(&self) -> [u8; 7] {
        self.0
    }

    /// The local date and time the service centre wrote, or `None` when it is not one.
    pub fn local_time(&self) -> Option<LocalTime> {
        let [y, mo, d, h, mi, s, _] = self.0;
        let year = u16::from(swapped(y)?);
        let local = LocalTime {
            year: if year >= 90 { 1900 + year } else { 2000 + year },
            month: swapped(mo)?,
            day: swapped(d)?,
            hour: swapped(h)?,
            minute: swapped(mi)?,
            second: swapped(s)?,
        };
        local.is_valid().then_some(local)
    }

    /// The time zone: quarters of an hour ahead of UTC (negative: behind), or `None` when the
    /// digits are not decimal. Bit 3 of the last octet is the sign.
    pub const fn zone_quarter_hours(&self) -> Option<i8> {
        let octet = self.0[6];
        let Some(quarters) = swapped(octet & !0x08) else {
            return None;
        };
        // At most 79, so it fits.
        let quarters = quarters as i8;
        Some(if octet & 0x08 != 0 {
            -quarters
        } else {
            quarters
        })
    }

    /// The instant: seconds since 1970-01-01T00:00:00Z (the local time less the zone), or
    /// `None` when the stamp is not a date, time and zone.
    pub fn seconds_since_epoch(&self) -> Option<i64> {
        let t = self.local_time()?;
        let zone = i64::from(self.zone_quarter_hours()?);
        let days = days_from_civil(t.year, t.month, t.day);
        let seconds = i64::from(t.hour) * 3600 + i64::from(t.minute) * 60 + i64::from(t.second);
        Some(days * 86_400 + seconds - zone * 900)
    }
}

/// RFC 3339 with the zone (`2024-02-29T13:45:30+01:00`), or the octets in hex when the stamp is
/// not a date.
impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.local_time(), self.zone_quarter_hours()) {
            (Some(t), Some(zone)) => {
                let sign = if zone < 0 { '-' } else { '+' };
                let minutes = u16::from(zone.unsigned_abs()) * 15;
                write!(
                    f,
                    "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
                    t.year,
                    t.month,
                    t.day,
                    t.hour,
                    t.minute,
                    t.second,
                    minutes / 60,
                    minutes % 60
                )
            }
            _ => self.0.iter().try_for_each(|b| write!(f, "{b:02X}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;
    use proptest::prelude::*;

    #[test]
    fn zones_and_signs() {
        // TS 23.040 §9.2.3.11: -6 hours is 24 quarters with the sign bit: 42 | 0x08 = 0x4A.
        let ts = Timestamp::from_octets([0x99, 0x30, 0x92, 0x51, 0x61, 0x95, 0x4A]);
        assert_eq!(ts.zone_quarter_hours(), Some(-24));
        let local = ts.local_time().unwrap();
        assert_eq!((local.year, local.month, local.day), (1999, 3, 29));
        // 1999-03-29T15:16:59-06:00 is 21:16:59Z.
        assert_eq!(ts.seconds_since_epoch(), Some(922_742_219));
        assert_eq!(ts.to_string(), "1999-03-29T15:16:59-06:00");
        // 2007-10-10T00:00:00Z.
        let utc = Timestamp::from_octets([0x70, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00]);
        assert_eq!(utc.seconds_since_epoch(), Some(1_191_974_400));
        let plus = Timestamp::from_octets([0x02, 0x01, 0x10, 0x00, 0x00, 0x00, 0x23]);
        assert_eq!(plus.zone_quarter_hours(), Some(32));
        assert_eq!(plus.to_string(), "2020-10-01T00:00:00+08:00");
    }

    #[test]
    fn what_is_not_a_date() {
        let hex = Timestamp::from_octets([0xA2, 0x20, 0x92, 0x31, 0x54, 0x03, 0x40]);
        assert_eq!(hex.local_time(), None);
        assert_eq!(hex.seconds_since_epoch(), None);
        assert_eq!(hex.to_string(), "A2209231540340");
        // 2023-02-29 does not exist; month 13 neither.
        let feb = Timestamp::from_octets([0x32, 0x20, 0x92, 0x00, 0x00, 0x00, 0x00]);
        assert_eq!(feb.local_time(), None);
        let m13 = Timestamp::from_octets([0x32, 0x31, 0x10, 0x00, 0x00, 0x00, 0x00]);
        assert_eq!(m13.local_time(), None);
        let zone = Timestamp::from_octets([0x32, 0x10, 0x10, 0x00, 0x00, 0x00, 0xA0]);
        assert_eq!(zone.zone_quarter_hours(), None);
        let bad = LocalTime {
            year: 2023,
            month: 2,
            day: 29,
            hour: 0,
            minute: 0,
            second: 0,
        };
        assert!(Timestamp::new(bad, 0).is_err());
        assert!(Timestamp::new(LocalTime { day: 28, ..bad }, 80).is_err());
        assert!(Timestamp::new(LocalTime { year: 1989, ..bad }, 0).is_err());
    }

    proptest! {
        #[test]
        fn built_stamps_read_back(
            year in 1990u16..=2089, month in 1u8..=12, day in 1u8..=31,
            hour in 0u8..24, minute in 0u8..60, second in 0u8..60, zone in -79i8..=79,
        ) {
            let local = LocalTime { year, month, day, hour, minute, second };
            match Timestamp::new(local, zone) {
                Ok(ts) => {
                    prop_assert_eq!(ts.local_time(), Some(local));
                    prop_assert_eq!(ts.zone_quarter_hours(), Some(zone));
                    let midnight = Timestamp::new(LocalTime { hour: 0, minute: 0, second: 0, ..local }, 0)
                        .unwrap()
                        .seconds_since_epoch()
                        .unwrap();
                    let secs = ts.seconds_since_epoch().unwrap();
                    let day_secs = i64::from(hour) * 3600 + i64::from(minute) * 60 + i64::from(second);
                    prop_assert_eq!(secs, midnight + day_secs - i64::from(zone) * 900);
                }
                Err(_) => prop_assert!(day > days_in_month(year, month)),
            }
        }
    }
}
