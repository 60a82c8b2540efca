//! The one macro that generates every assigned-number table in this module.

/// Generates an open "assigned number" newtype from one table.
///
/// ```text
/// assigned_numbers! {
///     /// Type docs.
///     pub struct MessageType(u8);
///     /// Constant docs.
///     SEND_REQ = 0x80, "m-send-req";
///     /// A constant whose name has aliases accepted by `from_name`.
///     READ_REPORT = 0x10, "X-Mms-Read-Report" | "X-Mms-Read-Reply";
/// }
/// ```
///
/// Generated: the tuple struct with a public field (every raw value is representable, so an
/// unknown value parses and re-encodes unchanged), one associated constant per row, `ALL`
/// (rows in table order), `new`, `get`, `name`, `from_name` (ASCII case-insensitive, also
/// matching the row's aliases), `is_assigned`, `Debug` (`MessageType(m-send-req)` or
/// `MessageType(0x9f)`), `Display` (the name or `0x9f`) and `From` conversions both ways.
///
/// Values must be literals (they become `match` patterns, so a duplicate value is reported
/// by the compiler as an unreachable pattern). Display names may repeat (WSP has several
/// header and parameter names assigned twice); `from_name` then returns the first row.
/// Extra per-row data (`since`, encoding versions, value types) lives in hand-written
/// `impl` blocks next to each table.
macro_rules! assigned_numbers {
    (
        $(#[$meta:meta])*
        pub struct $name:ident($repr:ty);
        $(
            $(#[$cmeta:meta])*
            $konst:ident = $value:literal, $text:literal $(| $alias:literal)*;
        )+
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub $repr);

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            /// The registered name when assigned (e.g. `"m-send-req"`), else the number; also
            /// the number when the name is shared with an older code (which the name reads
            /// back as), so that every value reads back as itself.
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self.name() {
                    Some(name) if Self::from_name(name) == Some(*self) => s.serialize_str(name),
                    _ => s.serialize_u64(u64::from(self.0)),
                }
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $name {
            /// A name that [`from_name`](Self::from_name) knows, or the number.
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct NameOrNumber;
                impl serde::de::Visitor<'_> for NameOrNumber {
                    type Value = $name;
                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str(concat!("a ", stringify!($name), " name or number"))
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$name, E> {
                        $name::from_name(v).ok_or_else(|| {
                            E::custom(::core::format_args!(
                                concat!("unknown ", stringify!($name), " name `{}`"),
                                v
                            ))
                        })
                    }
                    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<$name, E> {
                        <$repr>::try_from(v).map($name).map_err(|_| {
                            E::custom(::core::format_args!(
                                concat!(stringify!($name), " {} is out of range"),
                                v
                            ))
                        })
                    }
                    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<$name, E> {
                        u64::try_from(v)
                            .map_err(|_| E::custom("a negative assigned number"))
                            .and_then(|v| self.visit_u64(v))
                    }
                }
                d.deserialize_any(NameOrNumber)
            }
        }

        impl $name {
            $(
                $(#[$cmeta])*
                pub const $konst: Self = Self($value);
            )+

            #[doc = concat!("Every named `", stringify!($name), "` constant, in table order.")]
            pub const ALL: &'static [Self] = &[$(Self::$konst),+];

            /// Every accepted name (registered names first within a row, then aliases).
            const NAMES: &'static [(Self, &'static str)] =
                &[$((Self::$konst, $text), $((Self::$konst, $alias),)*)+];

            #[doc = concat!("Wraps a raw `", stringify!($repr), "`, assigned or not.")]
            #[inline]
            pub const fn new(value: $repr) -> Self {
                Self(value)
            }

            #[doc = concat!("The raw `", stringify!($repr), "` value.")]
            #[inline]
            pub const fn get(self) -> $repr {
                self.0
            }

            /// The registered name, or `None` when the value is not assigned in this table.
            pub const fn name(self) -> Option<&'static str> {
                match self.0 {
                    $($value => Some($text),)+
                    _ => None,
                }
            }

            /// Looks a value up by its registered name (or a documented alias), ignoring ASCII
            /// case. Where two rows share a name, the first row in table order wins.
            pub fn from_name(name: &str) -> Option<Self> {
                Self::NAMES
                    .iter()
                    .find(|(_, n)| n.eq_ignore_ascii_case(name))
                    .map(|&(v, _)| v)
            }

            /// `true` when the value has a row in this table.
            pub const fn is_assigned(self) -> bool {
                self.name().is_some()
            }
        }

        impl ::core::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self.name() {
                    Some(n) => write!(f, concat!(stringify!($name), "({})"), n),
                    None => write!(f, concat!(stringify!($name), "({:#x})"), self.0),
                }
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self.name() {
                    Some(n) => f.write_str(n),
                    None => write!(f, "{:#x}", self.0),
                }
            }
        }

        impl ::core::convert::From<$repr> for $name {
            #[inline]
            fn from(value: $repr) -> Self {
                Self(value)
            }
        }

        impl ::core::convert::From<$name> for $repr {
            #[inline]
            fn from(value: $name) -> Self {
                value.0
            }
        }
    };
}

pub(crate) use assigned_numbers;

/// Test helper: checks one generated table for duplicate values, missing or non-round-trip
/// names, and the `Debug`/`Display`/`From` forms of every named value.
#[cfg(test)]
macro_rules! check_table {
    ($t:ident) => {{
        use alloc::format;
        use alloc::string::ToString;
        let all = $t::ALL;
        assert!(!all.is_empty());
        for (i, v) in all.iter().enumerate() {
            assert!(
                all.iter().skip(i + 1).all(|w| w.0 != v.0),
                "duplicate value {v:?} in {}",
                stringify!($t)
            );
            assert!(v.is_assigned());
            let name = v.name().expect("every ALL entry has a name");
            let back = $t::from_name(name).expect("name round-trips");
            // Shared display names (WSP duplicates) map back to *a* constant with that name;
            // unique names map back to exactly this constant.
            assert_eq!(back.name(), Some(name));
            if all.iter().filter(|w| w.name() == Some(name)).count() == 1 {
                assert_eq!(back, *v);
            }
            assert_eq!($t::from_name(&name.to_ascii_uppercase()), Some(back));
            assert_eq!($t::from_name(&name.to_ascii_lowercase()), Some(back));
            assert_eq!(v.to_string(), name);
            assert_eq!(format!("{v:?}"), format!("{}({})", stringify!($t), name));
            assert_eq!($t::new(v.get()), *v);
            assert_eq!($t::from(v.0), *v);
        }
        assert_eq!($t::from_name(""), None);
        assert_eq!($t::from_name("no-such-name"), None);
    }};
}

#[cfg(test)]
pub(crate) use check_table;
