//! Character sets: the IANA MIBenum numbers WSP and MMS carry (WAP-230-WSP Table 42).

use super::macros::assigned_numbers;

assigned_numbers! {
    /// A character set as its IANA MIBenum (WAP-230-WSP §8.4.2.8), the Integer-value that WSP
    /// Well-known-charset and MMS Encoded-string-value carry. MIBenum 0 is not a charset:
    /// it is Any-charset (`*`, byte 0x80), named here [`Charset::ANY`].
    ///
    /// Names are the lower-case IANA names of the table. `from_name` ignores ASCII case and
    /// also accepts a small, fixed alias list: `utf8` (utf-8), `latin1` (iso-8859-1),
    /// `ascii` (us-ascii), `ucs-2` and `csUnicode` (iso-10646-ucs-2).
    ///
    /// MMS_CONF: us-ascii SHALL always be accepted and text that is not us-ascii SHALL be
    /// sent as utf-8; decoders still meet any MIBenum (Big5, GB2312, Shift_JIS, UCS-2 …).
    pub struct Charset(u32);
    /// `*` (MIBenum 0, written as Any-charset 0x80): "any charset"; not a real charset,
    /// decoders treat it as unknown and fall back.
    ANY = 0, "*";
    /// `us-ascii` (MIBenum 3, wire `83`); sources: AOSP, Kannel, mmsd, B2G, Jolla, OHOS, python-messaging. Aliases: `ascii`.
    US_ASCII = 3, "us-ascii" | "ascii";
    /// `iso-8859-1` (MIBenum 4, wire `84`); sources: AOSP, Kannel, mmsd, B2G, Jolla, OHOS, python-messaging. Aliases: `latin1`.
    ISO_8859_1 = 4, "iso-8859-1" | "latin1";
    /// `iso-8859-2` (MIBenum 5, wire `85`); sources: AOSP, Kannel, mmsd, B2G, Jolla, OHOS, python-messaging.
    ISO_8859_2 = 5, "iso-8859-2";
    /// `iso-8859-3` (MIBenum 6, wire `86`); sources: AOSP, Kannel, mmsd, B2G, Jolla, OHOS, python-messaging.
    ISO_8859_3 = 6, "iso-8859-3";
    /// `iso-8859-4` (MIBenum 7, wire `87`); sources: AOSP, Kannel, mmsd, B2G, Jolla, OHOS, python-messaging.
    ISO_8859_4 = 7, "iso-8859-4";
    /// `iso-8859-5` (MIBenum 8, wire `88`); sources: AOSP, Kannel, mmsd, B2G, Jolla, OHOS, python-messaging.
    ISO_8859_5 = 8, "iso-8859-5";
    /// `iso-8859-6` (MIBenum 9, wire `89`); sources: AOSP, Kannel, mmsd, B2G, Jolla, OHOS, python-messaging.
    ISO_8859_6 = 9, "iso-8859-6";
    /// `iso-8859-7` (MIBenum 10, wire `8A`); sources: AOSP, Kannel, mmsd, B2G, Jolla, OHOS, python-messaging.
    ISO_8859_7 = 10, "iso-8859-7";
    /// `iso-8859-8` (MIBenum 11, wire `8B`); sources: AOSP, Kannel, mmsd, B2G, Jolla, OHOS, python-messaging.
    ISO_8859_8 = 11, "iso-8859-8";
    /// `iso-8859-9` (MIBenum 12, wire `8C`); sources: AOSP, Kannel, mmsd, B2G, Jolla, OHOS, python-messaging.
    ISO_8859_9 = 12, "iso-8859-9";
    /// `iso-8859-10` (MIBenum 13, wire `8D`); sources: B2G, Jolla.
    ISO_8859_10 = 13, "iso-8859-10";
    /// `shift_jis` (MIBenum 17, wire `91`); sources: AOSP, Kannel, mmsd, B2G, Jolla, OHOS, python-messaging.
    SHIFT_JIS = 17, "shift_jis";
    /// `euc-jp` (MIBenum 18, wire `92`); sources: B2G, Jolla.
    EUC_JP = 18, "euc-jp";
    /// `ks_c_5601-1987` (MIBenum 36, wire `A4`); source: Jolla only (IANA); Jolla converts it as CP949.
    KS_C_5601_1987 = 36, "ks_c_5601-1987";
    /// `iso-2022-kr` (MIBenum 37, wire `A5`); sources: B2G, Jolla.
    ISO_2022_KR = 37, "iso-2022-kr";
    /// `euc-kr` (MIBenum 38, wire `A6`); sources: B2G, Jolla.
    EUC_KR = 38, "euc-kr";
    /// `iso-2022-jp` (MIBenum 39, wire `A7`); sources: B2G, Jolla.
    ISO_2022_JP = 39, "iso-2022-jp";
    /// `iso-2022-jp-2` (MIBenum 40, wire `A8`); sources: B2G, Jolla.
    ISO_2022_JP_2 = 40, "iso-2022-jp-2";
    /// `iso-8859-6-e` (MIBenum 81, wire `D1`); sources: B2G, Jolla.
    ISO_8859_6_E = 81, "iso-8859-6-e";
    /// `iso-8859-6-i` (MIBenum 82, wire `D2`); sources: B2G, Jolla.
    ISO_8859_6_I = 82, "iso-8859-6-i";
    /// `iso-8859-8-e` (MIBenum 84, wire `D4`); sources: B2G, Jolla.
    ISO_8859_8_E = 84, "iso-8859-8-e";
    /// `iso-8859-8-i` (MIBenum 85, wire `D5`); sources: B2G, Jolla.
    ISO_8859_8_I = 85, "iso-8859-8-i";
    /// `utf-8` (MIBenum 106, wire `EA`); sources: all. Aliases: `utf8`.
    UTF_8 = 106, "utf-8" | "utf8";
    /// `iso-8859-13` (MIBenum 109, wire `ED`); source: Jolla only (IANA).
    ISO_8859_13 = 109, "iso-8859-13";
    /// `iso-8859-14` (MIBenum 110, wire `EE`); source: Jolla only (IANA).
    ISO_8859_14 = 110, "iso-8859-14";
    /// `iso-8859-15` (MIBenum 111, wire `EF`); source: Jolla only (IANA).
    ISO_8859_15 = 111, "iso-8859-15";
    /// `iso-8859-16` (MIBenum 112, wire `F0`); source: Jolla only (IANA).
    ISO_8859_16 = 112, "iso-8859-16";
    /// `gbk` (MIBenum 113, wire `F1`); source: Jolla only (IANA).
    GBK = 113, "gbk";
    /// `gb18030` (MIBenum 114, wire `F2`); source: Jolla only (IANA).
    GB18030 = 114, "gb18030";
    /// `iso-10646-ucs-2` (MIBenum 1000, wire `02 03 E8`); sources: AOSP, Kannel, mmsd, B2G, Jolla, OHOS. Aliases: `ucs-2`, `csUnicode`.
    UCS_2 = 1000, "iso-10646-ucs-2" | "ucs-2" | "csUnicode";
    /// `iso-10646-ucs-4` (MIBenum 1001, wire `02 03 E9`); source: Jolla only (IANA).
    UCS_4 = 1001, "iso-10646-ucs-4";
    /// `iso-10646-j-1` (MIBenum 1004, wire `02 03 EC`); source: Jolla only (IANA).
    ISO_10646_J_1 = 1004, "iso-10646-j-1";
    /// `utf-7` (MIBenum 1012, wire `02 03 F4`); source: Jolla only (IANA).
    UTF_7 = 1012, "utf-7";
    /// `utf-16be` (MIBenum 1013, wire `02 03 F5`); source: Jolla (Symbian has a UTF16BE constant).
    UTF_16BE = 1013, "utf-16be";
    /// `utf-16le` (MIBenum 1014, wire `02 03 F6`); source: Jolla (Symbian has a UTF16LE constant).
    UTF_16LE = 1014, "utf-16le";
    /// `utf-16` (MIBenum 1015, wire `02 03 F7`); sources: AOSP, Kannel, mmsd, B2G, Jolla.
    UTF_16 = 1015, "utf-16";
    /// `utf-32` (MIBenum 1017, wire `02 03 F9`); source: Jolla only (IANA).
    UTF_32 = 1017, "utf-32";
    /// `utf-32be` (MIBenum 1018, wire `02 03 FA`); source: Jolla only (IANA).
    UTF_32BE = 1018, "utf-32be";
    /// `utf-32le` (MIBenum 1019, wire `02 03 FB`); source: Jolla only (IANA).
    UTF_32LE = 1019, "utf-32le";
    /// `gb2312` (MIBenum 2025, wire `02 07 E9`); sources: B2G, Jolla.
    GB2312 = 2025, "gb2312";
    /// `big5` (MIBenum 2026, wire `02 07 EA`); sources: AOSP, Kannel, mmsd, B2G, Jolla, OHOS.
    BIG5 = 2026, "big5";
    /// `macintosh` (MIBenum 2027, wire `02 07 EB`); source: Jolla only (IANA).
    MACINTOSH = 2027, "macintosh";
    /// `koi8-r` (MIBenum 2084, wire `02 08 24`); sources: B2G, Jolla.
    KOI8_R = 2084, "koi8-r";
    /// `windows-874` (MIBenum 2109, wire `02 08 3D`); source: Jolla only (IANA).
    WINDOWS_874 = 2109, "windows-874";
    /// `windows-1250` (MIBenum 2250, wire `02 08 CA`); source: Jolla.
    WINDOWS_1250 = 2250, "windows-1250";
    /// `windows-1251` (MIBenum 2251, wire `02 08 CB`); source: Jolla.
    WINDOWS_1251 = 2251, "windows-1251";
    /// `windows-1252` (MIBenum 2252, wire `02 08 CC`); source: Jolla (B2G also lists it).
    WINDOWS_1252 = 2252, "windows-1252";
    /// `windows-1253` (MIBenum 2253, wire `02 08 CD`); source: Jolla.
    WINDOWS_1253 = 2253, "windows-1253";
    /// `windows-1254` (MIBenum 2254, wire `02 08 CE`); source: Jolla.
    WINDOWS_1254 = 2254, "windows-1254";
    /// `windows-1255` (MIBenum 2255, wire `02 08 CF`); source: Jolla.
    WINDOWS_1255 = 2255, "windows-1255";
    /// `windows-1256` (MIBenum 2256, wire `02 08 D0`); source: Jolla.
    WINDOWS_1256 = 2256, "windows-1256";
    /// `windows-1257` (MIBenum 2257, wire `02 08 D1`); source: Jolla.
    WINDOWS_1257 = 2257, "windows-1257";
    /// `windows-1258` (MIBenum 2258, wire `02 08 D2`); source: Jolla.
    WINDOWS_1258 = 2258, "windows-1258";
}

impl Charset {
    /// `true` for [`Charset::ANY`] (MIBenum 0): "any / unspecified", not a real charset.
    pub const fn is_any(self) -> bool {
        self.0 == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assigned::macros::check_table;
    use alloc::format;
    use alloc::string::ToString;

    #[test]
    fn table_round_trips() {
        check_table!(Charset);
    }

    #[test]
    fn values() {
        assert_eq!(Charset::ANY.get(), 0);
        assert_eq!(Charset::ANY.name(), Some("*"));
        assert!(Charset::ANY.is_any());
        assert!(!Charset::UTF_8.is_any());
        assert_eq!(Charset::US_ASCII.get(), 3);
        assert_eq!(Charset::ISO_8859_1.get(), 4);
        assert_eq!(Charset::ISO_8859_9.get(), 12);
        assert_eq!(Charset::SHIFT_JIS.get(), 17);
        assert_eq!(Charset::UTF_8.get(), 106);
        // utf-8 travels as the Short-integer 0xEA.
        assert_eq!(Charset::UTF_8.get() | 0x80, 0xEA);
        assert_eq!(Charset::UCS_2.get(), 1000);
        assert_eq!(Charset::UTF_16.get(), 1015);
        assert_eq!(Charset::GB2312.get(), 2025);
        assert_eq!(Charset::BIG5.get(), 2026);
        assert_eq!(Charset::KOI8_R.get(), 2084);
        assert_eq!(Charset::WINDOWS_1250.get(), 2250);
        assert_eq!(Charset::WINDOWS_1252.get(), 2252);
        assert_eq!(Charset::WINDOWS_1258.get(), 2258);
        assert_eq!(Charset::ALL.len(), 54);
    }

    #[test]
    fn names_and_aliases() {
        assert_eq!(Charset::UTF_8.name(), Some("utf-8"));
        assert_eq!(Charset::SHIFT_JIS.name(), Some("shift_jis"));
        assert_eq!(Charset::UCS_2.name(), Some("iso-10646-ucs-2"));
        assert_eq!(Charset::from_name("UTF-8"), Some(Charset::UTF_8));
        assert_eq!(Charset::from_name("Shift_JIS"), Some(Charset::SHIFT_JIS));
        assert_eq!(Charset::from_name("utf8"), Some(Charset::UTF_8));
        assert_eq!(Charset::from_name("latin1"), Some(Charset::ISO_8859_1));
        assert_eq!(Charset::from_name("ASCII"), Some(Charset::US_ASCII));
        assert_eq!(Charset::from_name("us-ascii"), Some(Charset::US_ASCII));
        assert_eq!(Charset::from_name("ucs-2"), Some(Charset::UCS_2));
        assert_eq!(Charset::from_name("csunicode"), Some(Charset::UCS_2));
        assert_eq!(Charset::from_name("*"), Some(Charset::ANY));
        assert_eq!(Charset::from_name("gsm-default-alphabet"), None);
        assert_eq!(Charset::new(2).to_string(), "0x2");
        assert_eq!(format!("{:?}", Charset::new(4000)), "Charset(0xfa0)");
        assert_eq!(format!("{:?}", Charset::UTF_8), "Charset(utf-8)");
    }
}
