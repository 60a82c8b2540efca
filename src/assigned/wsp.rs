//! WSP assigned numbers: well-known header names, content types, parameters, PDU types,
//! push application ids, dispositions and SEC values (WAP-230-WSP Appendix A, OMNA registries).

use super::macros::assigned_numbers;

/// Shorthand for `Some((major, minor))` in the `encoding_version` tables.
const fn version(major: u8, minor: u8) -> Option<(u8, u8)> {
    Some((major, minor))
}

assigned_numbers! {
    /// WSP well-known header field names on code page 1 (WAP-230-WSP Table 39 + OMNA),
    /// **without** the high bit: the wire byte is `code | 0x80`.
    ///
    /// Several names were assigned twice; the older code is kept for peers that announced
    /// a lower Encoding-Version. The constants have distinct names (`ACCEPT_CHARSET_1_1`,
    /// `ACCEPT_CHARSET`), the display names are the same, and `from_name` returns the
    /// older code.
    ///
    /// 0x48–0x4A are left unnamed on purpose: Wireshark and Kannel disagree about them by
    /// one position (no third source settles it) and MMS needs none of them, so they
    /// stay "unknown well-known header" values, printed as hex.
    pub struct WellKnownHeader(u8);
    /// `Accept` (wire 0x80; WSP encoding 1.1). Value: Accept-value (content-type forms + Q).
    ACCEPT = 0x00, "Accept";
    /// `Accept-Charset` (wire 0x81; WSP encoding 1.1). Older code, see 0x3B.
    ACCEPT_CHARSET_1_1 = 0x01, "Accept-Charset";
    /// `Accept-Encoding` (wire 0x82; WSP encoding 1.1). Older code, see 0x3C.
    ACCEPT_ENCODING_1_1 = 0x02, "Accept-Encoding";
    /// `Accept-Language` (wire 0x83; WSP encoding 1.1).
    ACCEPT_LANGUAGE = 0x03, "Accept-Language";
    /// `Accept-Ranges` (wire 0x84; WSP encoding 1.1). Value: None 0x80 | Bytes 0x81 | Token-text.
    ACCEPT_RANGES = 0x04, "Accept-Ranges";
    /// `Age` (wire 0x85; WSP encoding 1.1). Value: Delta-seconds-value.
    AGE = 0x05, "Age";
    /// `Allow` (wire 0x86; WSP encoding 1.1). Value: Well-known method (Short-integer).
    ALLOW = 0x06, "Allow";
    /// `Authorization` (wire 0x87; WSP encoding 1.1).
    AUTHORIZATION = 0x07, "Authorization";
    /// `Cache-Control` (wire 0x88; WSP encoding 1.1). Older code, see 0x3D/0x47.
    CACHE_CONTROL_1_1 = 0x08, "Cache-Control";
    /// `Connection` (wire 0x89; WSP encoding 1.1). Value: Close 0x80 | Token-text.
    CONNECTION = 0x09, "Connection";
    /// `Content-Base` (wire 0x8A; WSP encoding 1.1). B2G marks deprecated. Value: Uri-value.
    CONTENT_BASE = 0x0A, "Content-Base";
    /// `Content-Encoding` (wire 0x8B; WSP encoding 1.1). Value: Gzip 0x80 | Compress 0x81 | Deflate 0x82 | Token-text.
    CONTENT_ENCODING = 0x0B, "Content-Encoding";
    /// `Content-Language` (wire 0x8C; WSP encoding 1.1).
    CONTENT_LANGUAGE = 0x0C, "Content-Language";
    /// `Content-Length` (wire 0x8D; WSP encoding 1.1). Value: Integer-value.
    CONTENT_LENGTH = 0x0D, "Content-Length";
    /// `Content-Location` (wire 0x8E; WSP encoding 1.1). Value: Uri-value.
    CONTENT_LOCATION = 0x0E, "Content-Location";
    /// `Content-MD5` (wire 0x8F; WSP encoding 1.1). Value: Value-length digest.
    CONTENT_MD5 = 0x0F, "Content-MD5";
    /// `Content-Range` (wire 0x90; WSP encoding 1.1). Older code, see 0x3E.
    CONTENT_RANGE_1_1 = 0x10, "Content-Range";
    /// `Content-Type` (wire 0x91; WSP encoding 1.1). Value: Content-type-value.
    CONTENT_TYPE = 0x11, "Content-Type";
    /// `Date` (wire 0x92; WSP encoding 1.1). Value: Date-value.
    DATE = 0x12, "Date";
    /// `Etag` (wire 0x93; WSP encoding 1.1). Value: Text-string.
    ETAG = 0x13, "Etag";
    /// `Expires` (wire 0x94; WSP encoding 1.1). Value: Date-value.
    EXPIRES = 0x14, "Expires";
    /// `From` (wire 0x95; WSP encoding 1.1). Value: Text-string.
    FROM = 0x15, "From";
    /// `Host` (wire 0x96; WSP encoding 1.1). Value: Text-string.
    HOST = 0x16, "Host";
    /// `If-Modified-Since` (wire 0x97; WSP encoding 1.1). Value: Date-value.
    IF_MODIFIED_SINCE = 0x17, "If-Modified-Since";
    /// `If-Match` (wire 0x98; WSP encoding 1.1). Value: Text-string.
    IF_MATCH = 0x18, "If-Match";
    /// `If-None-Match` (wire 0x99; WSP encoding 1.1). Value: Text-string.
    IF_NONE_MATCH = 0x19, "If-None-Match";
    /// `If-Range` (wire 0x9A; WSP encoding 1.1). Value: Text-string | Date-value.
    IF_RANGE = 0x1A, "If-Range";
    /// `If-Unmodified-Since` (wire 0x9B; WSP encoding 1.1). Value: Date-value.
    IF_UNMODIFIED_SINCE = 0x1B, "If-Unmodified-Since";
    /// `Location` (wire 0x9C; WSP encoding 1.1). Value: Uri-value.
    LOCATION = 0x1C, "Location";
    /// `Last-Modified` (wire 0x9D; WSP encoding 1.1). Value: Date-value.
    LAST_MODIFIED = 0x1D, "Last-Modified";
    /// `Max-Forwards` (wire 0x9E; WSP encoding 1.1). Value: Integer-value.
    MAX_FORWARDS = 0x1E, "Max-Forwards";
    /// `Pragma` (wire 0x9F; WSP encoding 1.1). Value: No-cache 0x80 | Value-length Parameter.
    PRAGMA = 0x1F, "Pragma";
    /// `Proxy-Authenticate` (wire 0xA0; WSP encoding 1.1).
    PROXY_AUTHENTICATE = 0x20, "Proxy-Authenticate";
    /// `Proxy-Authorization` (wire 0xA1; WSP encoding 1.1).
    PROXY_AUTHORIZATION = 0x21, "Proxy-Authorization";
    /// `Public` (wire 0xA2; WSP encoding 1.1).
    PUBLIC = 0x22, "Public";
    /// `Range` (wire 0xA3; WSP encoding 1.1).
    RANGE = 0x23, "Range";
    /// `Referer` (wire 0xA4; WSP encoding 1.1). Value: Uri-value.
    REFERER = 0x24, "Referer";
    /// `Retry-After` (wire 0xA5; WSP encoding 1.1).
    RETRY_AFTER = 0x25, "Retry-After";
    /// `Server` (wire 0xA6; WSP encoding 1.1). Value: Text-string.
    SERVER = 0x26, "Server";
    /// `Transfer-Encoding` (wire 0xA7; WSP encoding 1.1). Value: Chunked 0x80 | Token-text.
    TRANSFER_ENCODING = 0x27, "Transfer-Encoding";
    /// `Upgrade` (wire 0xA8; WSP encoding 1.1). Value: Text-string.
    UPGRADE = 0x28, "Upgrade";
    /// `User-Agent` (wire 0xA9; WSP encoding 1.1). Value: Text-string.
    USER_AGENT = 0x29, "User-Agent";
    /// `Vary` (wire 0xAA; WSP encoding 1.1).
    VARY = 0x2A, "Vary";
    /// `Via` (wire 0xAB; WSP encoding 1.1). Value: Text-string.
    VIA = 0x2B, "Via";
    /// `Warning` (wire 0xAC; WSP encoding 1.1).
    WARNING = 0x2C, "Warning";
    /// `WWW-Authenticate` (wire 0xAD; WSP encoding 1.1).
    WWW_AUTHENTICATE = 0x2D, "WWW-Authenticate";
    /// `Content-Disposition` (wire 0xAE; WSP encoding 1.1). Older code, see 0x45. Value: WAP-230-WSP §8.4.2.53.
    CONTENT_DISPOSITION_1_1 = 0x2E, "Content-Disposition";
    /// `X-Wap-Application-Id` (wire 0xAF; WSP encoding 1.2). Value: WAP-230-WSP §8.4.2.54.
    X_WAP_APPLICATION_ID = 0x2F, "X-Wap-Application-Id";
    /// `X-Wap-Content-URI` (wire 0xB0; WSP encoding 1.2). Value: Uri-value.
    X_WAP_CONTENT_URI = 0x30, "X-Wap-Content-URI";
    /// `X-Wap-Initiator-URI` (wire 0xB1; WSP encoding 1.2). Value: Uri-value.
    X_WAP_INITIATOR_URI = 0x31, "X-Wap-Initiator-URI";
    /// `Accept-Application` (wire 0xB2; WSP encoding 1.2).
    ACCEPT_APPLICATION = 0x32, "Accept-Application";
    /// `Bearer-Indication` (wire 0xB3; WSP encoding 1.2). Value: Integer-value.
    BEARER_INDICATION = 0x33, "Bearer-Indication";
    /// `Push-Flag` (wire 0xB4; WSP encoding 1.2). Value: Short-integer bit field.
    PUSH_FLAG = 0x34, "Push-Flag";
    /// `Profile` (wire 0xB5; WSP encoding 1.2). Value: Uri-value.
    PROFILE = 0x35, "Profile";
    /// `Profile-Diff` (wire 0xB6; WSP encoding 1.2).
    PROFILE_DIFF = 0x36, "Profile-Diff";
    /// `Profile-Warning` (wire 0xB7; WSP encoding 1.2). Older code, see 0x44.
    PROFILE_WARNING_1_2 = 0x37, "Profile-Warning";
    /// `Expect` (wire 0xB8; WSP encoding 1.3).
    EXPECT = 0x38, "Expect";
    /// `TE` (wire 0xB9; WSP encoding 1.3).
    TE = 0x39, "TE";
    /// `Trailer` (wire 0xBA; WSP encoding 1.3).
    TRAILER = 0x3A, "Trailer";
    /// `Accept-Charset` (wire 0xBB; WSP encoding 1.3).
    ACCEPT_CHARSET = 0x3B, "Accept-Charset";
    /// `Accept-Encoding` (wire 0xBC; WSP encoding 1.3).
    ACCEPT_ENCODING = 0x3C, "Accept-Encoding";
    /// `Cache-Control` (wire 0xBD; WSP encoding 1.3). The 1.3 code; see also 0x47.
    CACHE_CONTROL_1_3 = 0x3D, "Cache-Control";
    /// `Content-Range` (wire 0xBE; WSP encoding 1.3).
    CONTENT_RANGE = 0x3E, "Content-Range";
    /// `X-Wap-Tod` (wire 0xBF; WSP encoding 1.3). Value: Date-value.
    X_WAP_TOD = 0x3F, "X-Wap-Tod";
    /// `Content-ID` (wire 0xC0; WSP encoding 1.3). Value: Quoted-string.
    CONTENT_ID = 0x40, "Content-ID";
    /// `Set-Cookie` (wire 0xC1; WSP encoding 1.3).
    SET_COOKIE = 0x41, "Set-Cookie";
    /// `Cookie` (wire 0xC2; WSP encoding 1.3).
    COOKIE = 0x42, "Cookie";
    /// `Encoding-Version` (wire 0xC3; WSP encoding 1.3). Value: WAP-230-WSP §8.4.2.70.
    ENCODING_VERSION = 0x43, "Encoding-Version";
    /// `Profile-Warning` (wire 0xC4; WSP encoding 1.4).
    PROFILE_WARNING = 0x44, "Profile-Warning";
    /// `Content-Disposition` (wire 0xC5; WSP encoding 1.4). Value: WAP-230-WSP §8.4.2.53.
    CONTENT_DISPOSITION = 0x45, "Content-Disposition";
    /// `X-Wap-Security` (wire 0xC6; WSP encoding 1.4).
    X_WAP_SECURITY = 0x46, "X-Wap-Security";
    /// `Cache-Control` (wire 0xC7; WSP encoding 1.4).
    CACHE_CONTROL = 0x47, "Cache-Control";
}

impl WellKnownHeader {
    /// The WSP encoding version that introduced this code, as `(major, minor)`; `None` when
    /// unassigned. A peer that announced a lower Encoding-Version must get an older code.
    pub const fn encoding_version(self) -> Option<(u8, u8)> {
        match self.0 {
            0x00..=0x2E => version(1, 1),
            0x2F..=0x37 => version(1, 2),
            0x38..=0x43 => version(1, 3),
            0x44..=0x47 => version(1, 4),
            _ => None,
        }
    }
}

assigned_numbers! {
    /// WSP well-known and registered content types (WAP-230-WSP Appendix A, OMNA registry), as the
    /// integer the Content-type-value carries: 0x00–0x7F fit a Short-integer (wire `code | 0x80`),
    /// the rest must use the general form with a Long-integer.
    ///
    /// Names follow the OMNA registry (0x0A/0x16 are the `wta-event` types, not Wireshark's
    /// or Kannel's names); 0x0E is spelled `multipart/byteranges`, and `from_name` also
    /// accepts the registry's typo `multipart/byterantes`. 0x59 has no name in any source
    /// (UNVERIFIED) and is left unassigned. The registered values 0x0302–0x031E come from
    /// Kannel only (UNVERIFIED). Names compare ASCII case-insensitively (`text/x-vcard`).
    pub struct WellKnownMedia(u32);
    /// `*/*` (wire 0x80; WSP encoding 1.1).
    ANY = 0x00, "*/*";
    /// `text/*` (wire 0x81; WSP encoding 1.1).
    TEXT_ANY = 0x01, "text/*";
    /// `text/html` (wire 0x82; WSP encoding 1.1).
    TEXT_HTML = 0x02, "text/html";
    /// `text/plain` (wire 0x83; WSP encoding 1.1).
    TEXT_PLAIN = 0x03, "text/plain";
    /// `text/x-hdml` (wire 0x84; WSP encoding 1.1).
    TEXT_X_HDML = 0x04, "text/x-hdml";
    /// `text/x-ttml` (wire 0x85; WSP encoding 1.1).
    TEXT_X_TTML = 0x05, "text/x-ttml";
    /// `text/x-vCalendar` (wire 0x86; WSP encoding 1.1).
    TEXT_X_VCALENDAR = 0x06, "text/x-vCalendar";
    /// `text/x-vCard` (wire 0x87; WSP encoding 1.1).
    TEXT_X_VCARD = 0x07, "text/x-vCard";
    /// `text/vnd.wap.wml` (wire 0x88; WSP encoding 1.1).
    TEXT_VND_WAP_WML = 0x08, "text/vnd.wap.wml";
    /// `text/vnd.wap.wmlscript` (wire 0x89; WSP encoding 1.1).
    TEXT_VND_WAP_WMLSCRIPT = 0x09, "text/vnd.wap.wmlscript";
    /// `text/vnd.wap.wta-event` (wire 0x8A; WSP encoding 1.1).
    TEXT_VND_WAP_WTA_EVENT = 0x0A, "text/vnd.wap.wta-event";
    /// `multipart/*` (wire 0x8B; WSP encoding 1.1).
    MULTIPART_ANY = 0x0B, "multipart/*";
    /// `multipart/mixed` (wire 0x8C; WSP encoding 1.1).
    MULTIPART_MIXED = 0x0C, "multipart/mixed";
    /// `multipart/form-data` (wire 0x8D; WSP encoding 1.1).
    MULTIPART_FORM_DATA = 0x0D, "multipart/form-data";
    /// `multipart/byteranges` (wire 0x8E; WSP encoding 1.1). `from_name` also accepts the registry typo `multipart/byterantes`.
    MULTIPART_BYTERANGES = 0x0E, "multipart/byteranges" | "multipart/byterantes";
    /// `multipart/alternative` (wire 0x8F; WSP encoding 1.1).
    MULTIPART_ALTERNATIVE = 0x0F, "multipart/alternative";
    /// `application/*` (wire 0x90; WSP encoding 1.1).
    APPLICATION_ANY = 0x10, "application/*";
    /// `application/java-vm` (wire 0x91; WSP encoding 1.1).
    APPLICATION_JAVA_VM = 0x11, "application/java-vm";
    /// `application/x-www-form-urlencoded` (wire 0x92; WSP encoding 1.1).
    APPLICATION_X_WWW_FORM_URLENCODED = 0x12, "application/x-www-form-urlencoded";
    /// `application/x-hdmlc` (wire 0x93; WSP encoding 1.1).
    APPLICATION_X_HDMLC = 0x13, "application/x-hdmlc";
    /// `application/vnd.wap.wmlc` (wire 0x94; WSP encoding 1.1).
    APPLICATION_VND_WAP_WMLC = 0x14, "application/vnd.wap.wmlc";
    /// `application/vnd.wap.wmlscriptc` (wire 0x95; WSP encoding 1.1).
    APPLICATION_VND_WAP_WMLSCRIPTC = 0x15, "application/vnd.wap.wmlscriptc";
    /// `application/vnd.wap.wta-eventc` (wire 0x96; WSP encoding 1.1).
    APPLICATION_VND_WAP_WTA_EVENTC = 0x16, "application/vnd.wap.wta-eventc";
    /// `application/vnd.wap.uaprof` (wire 0x97; WSP encoding 1.1).
    APPLICATION_VND_WAP_UAPROF = 0x17, "application/vnd.wap.uaprof";
    /// `application/vnd.wap.wtls-ca-certificate` (wire 0x98; WSP encoding 1.1).
    APPLICATION_VND_WAP_WTLS_CA_CERTIFICATE = 0x18, "application/vnd.wap.wtls-ca-certificate";
    /// `application/vnd.wap.wtls-user-certificate` (wire 0x99; WSP encoding 1.1).
    APPLICATION_VND_WAP_WTLS_USER_CERTIFICATE = 0x19, "application/vnd.wap.wtls-user-certificate";
    /// `application/x-x509-ca-cert` (wire 0x9A; WSP encoding 1.1).
    APPLICATION_X_X509_CA_CERT = 0x1A, "application/x-x509-ca-cert";
    /// `application/x-x509-user-cert` (wire 0x9B; WSP encoding 1.1).
    APPLICATION_X_X509_USER_CERT = 0x1B, "application/x-x509-user-cert";
    /// `image/*` (wire 0x9C; WSP encoding 1.1).
    IMAGE_ANY = 0x1C, "image/*";
    /// `image/gif` (wire 0x9D; WSP encoding 1.1).
    IMAGE_GIF = 0x1D, "image/gif";
    /// `image/jpeg` (wire 0x9E; WSP encoding 1.1).
    IMAGE_JPEG = 0x1E, "image/jpeg";
    /// `image/tiff` (wire 0x9F; WSP encoding 1.1).
    IMAGE_TIFF = 0x1F, "image/tiff";
    /// `image/png` (wire 0xA0; WSP encoding 1.1).
    IMAGE_PNG = 0x20, "image/png";
    /// `image/vnd.wap.wbmp` (wire 0xA1; WSP encoding 1.1).
    IMAGE_VND_WAP_WBMP = 0x21, "image/vnd.wap.wbmp";
    /// `application/vnd.wap.multipart.*` (wire 0xA2; WSP encoding 1.1).
    APPLICATION_VND_WAP_MULTIPART_ANY = 0x22, "application/vnd.wap.multipart.*";
    /// `application/vnd.wap.multipart.mixed` (wire 0xA3; WSP encoding 1.1).
    APPLICATION_VND_WAP_MULTIPART_MIXED = 0x23, "application/vnd.wap.multipart.mixed";
    /// `application/vnd.wap.multipart.form-data` (wire 0xA4; WSP encoding 1.1).
    APPLICATION_VND_WAP_MULTIPART_FORM_DATA = 0x24, "application/vnd.wap.multipart.form-data";
    /// `application/vnd.wap.multipart.byteranges` (wire 0xA5; WSP encoding 1.1).
    APPLICATION_VND_WAP_MULTIPART_BYTERANGES = 0x25, "application/vnd.wap.multipart.byteranges";
    /// `application/vnd.wap.multipart.alternative` (wire 0xA6; WSP encoding 1.1).
    APPLICATION_VND_WAP_MULTIPART_ALTERNATIVE = 0x26, "application/vnd.wap.multipart.alternative";
    /// `application/xml` (wire 0xA7; WSP encoding 1.1).
    APPLICATION_XML = 0x27, "application/xml";
    /// `text/xml` (wire 0xA8; WSP encoding 1.1).
    TEXT_XML = 0x28, "text/xml";
    /// `application/vnd.wap.wbxml` (wire 0xA9; WSP encoding 1.1).
    APPLICATION_VND_WAP_WBXML = 0x29, "application/vnd.wap.wbxml";
    /// `application/x-x968-cross-cert` (wire 0xAA; WSP encoding 1.1).
    APPLICATION_X_X968_CROSS_CERT = 0x2A, "application/x-x968-cross-cert";
    /// `application/x-x968-ca-cert` (wire 0xAB; WSP encoding 1.1).
    APPLICATION_X_X968_CA_CERT = 0x2B, "application/x-x968-ca-cert";
    /// `application/x-x968-user-cert` (wire 0xAC; WSP encoding 1.1).
    APPLICATION_X_X968_USER_CERT = 0x2C, "application/x-x968-user-cert";
    /// `text/vnd.wap.si` (wire 0xAD; WSP encoding 1.1).
    TEXT_VND_WAP_SI = 0x2D, "text/vnd.wap.si";
    /// `application/vnd.wap.sic` (wire 0xAE; WSP encoding 1.2).
    APPLICATION_VND_WAP_SIC = 0x2E, "application/vnd.wap.sic";
    /// `text/vnd.wap.sl` (wire 0xAF; WSP encoding 1.2).
    TEXT_VND_WAP_SL = 0x2F, "text/vnd.wap.sl";
    /// `application/vnd.wap.slc` (wire 0xB0; WSP encoding 1.2).
    APPLICATION_VND_WAP_SLC = 0x30, "application/vnd.wap.slc";
    /// `text/vnd.wap.co` (wire 0xB1; WSP encoding 1.2).
    TEXT_VND_WAP_CO = 0x31, "text/vnd.wap.co";
    /// `application/vnd.wap.coc` (wire 0xB2; WSP encoding 1.2).
    APPLICATION_VND_WAP_COC = 0x32, "application/vnd.wap.coc";
    /// `application/vnd.wap.multipart.related` (wire 0xB3; WSP encoding 1.2).
    APPLICATION_VND_WAP_MULTIPART_RELATED = 0x33, "application/vnd.wap.multipart.related";
    /// `application/vnd.wap.sia` (wire 0xB4; WSP encoding 1.2).
    APPLICATION_VND_WAP_SIA = 0x34, "application/vnd.wap.sia";
    /// `text/vnd.wap.connectivity-xml` (wire 0xB5; WSP encoding 1.3).
    TEXT_VND_WAP_CONNECTIVITY_XML = 0x35, "text/vnd.wap.connectivity-xml";
    /// `application/vnd.wap.connectivity-wbxml` (wire 0xB6; WSP encoding 1.3).
    APPLICATION_VND_WAP_CONNECTIVITY_WBXML = 0x36, "application/vnd.wap.connectivity-wbxml";
    /// `application/pkcs7-mime` (wire 0xB7; WSP encoding 1.4).
    APPLICATION_PKCS7_MIME = 0x37, "application/pkcs7-mime";
    /// `application/vnd.wap.hashed-certificate` (wire 0xB8; WSP encoding 1.4).
    APPLICATION_VND_WAP_HASHED_CERTIFICATE = 0x38, "application/vnd.wap.hashed-certificate";
    /// `application/vnd.wap.signed-certificate` (wire 0xB9; WSP encoding 1.4).
    APPLICATION_VND_WAP_SIGNED_CERTIFICATE = 0x39, "application/vnd.wap.signed-certificate";
    /// `application/vnd.wap.cert-response` (wire 0xBA; WSP encoding 1.4).
    APPLICATION_VND_WAP_CERT_RESPONSE = 0x3A, "application/vnd.wap.cert-response";
    /// `application/xhtml+xml` (wire 0xBB; WSP encoding 1.4).
    APPLICATION_XHTML_XML = 0x3B, "application/xhtml+xml";
    /// `application/wml+xml` (wire 0xBC; WSP encoding 1.4).
    APPLICATION_WML_XML = 0x3C, "application/wml+xml";
    /// `text/css` (wire 0xBD; WSP encoding 1.4).
    TEXT_CSS = 0x3D, "text/css";
    /// `application/vnd.wap.mms-message` (wire 0xBE; WSP encoding 1.4).
    APPLICATION_VND_WAP_MMS_MESSAGE = 0x3E, "application/vnd.wap.mms-message";
    /// `application/vnd.wap.rollover-certificate` (wire 0xBF; WSP encoding 1.4).
    APPLICATION_VND_WAP_ROLLOVER_CERTIFICATE = 0x3F, "application/vnd.wap.rollover-certificate";
    /// `application/vnd.wap.locc+wbxml` (wire 0xC0; WSP encoding 1.5).
    APPLICATION_VND_WAP_LOCC_WBXML = 0x40, "application/vnd.wap.locc+wbxml";
    /// `application/vnd.wap.loc+xml` (wire 0xC1; WSP encoding 1.5).
    APPLICATION_VND_WAP_LOC_XML = 0x41, "application/vnd.wap.loc+xml";
    /// `application/vnd.syncml.dm+wbxml` (wire 0xC2; WSP encoding 1.5).
    APPLICATION_VND_SYNCML_DM_WBXML = 0x42, "application/vnd.syncml.dm+wbxml";
    /// `application/vnd.syncml.dm+xml` (wire 0xC3; WSP encoding 1.5).
    APPLICATION_VND_SYNCML_DM_XML = 0x43, "application/vnd.syncml.dm+xml";
    /// `application/vnd.syncml.notification` (wire 0xC4; WSP encoding 1.5).
    APPLICATION_VND_SYNCML_NOTIFICATION = 0x44, "application/vnd.syncml.notification";
    /// `application/vnd.wap.xhtml+xml` (wire 0xC5; WSP encoding 1.5).
    APPLICATION_VND_WAP_XHTML_XML = 0x45, "application/vnd.wap.xhtml+xml";
    /// `application/vnd.wv.csp.cir` (wire 0xC6; WSP encoding 1.5).
    APPLICATION_VND_WV_CSP_CIR = 0x46, "application/vnd.wv.csp.cir";
    /// `application/vnd.oma.dd+xml` (wire 0xC7; WSP encoding 1.5).
    APPLICATION_VND_OMA_DD_XML = 0x47, "application/vnd.oma.dd+xml";
    /// `application/vnd.oma.drm.message` (wire 0xC8; WSP encoding 1.5).
    APPLICATION_VND_OMA_DRM_MESSAGE = 0x48, "application/vnd.oma.drm.message";
    /// `application/vnd.oma.drm.content` (wire 0xC9; WSP encoding 1.5).
    APPLICATION_VND_OMA_DRM_CONTENT = 0x49, "application/vnd.oma.drm.content";
    /// `application/vnd.oma.drm.rights+xml` (wire 0xCA; WSP encoding 1.5).
    APPLICATION_VND_OMA_DRM_RIGHTS_XML = 0x4A, "application/vnd.oma.drm.rights+xml";
    /// `application/vnd.oma.drm.rights+wbxml` (wire 0xCB; WSP encoding 1.5).
    APPLICATION_VND_OMA_DRM_RIGHTS_WBXML = 0x4B, "application/vnd.oma.drm.rights+wbxml";
    /// `application/vnd.wv.csp+xml` (wire 0xCC; WSP encoding 1.5).
    APPLICATION_VND_WV_CSP_XML = 0x4C, "application/vnd.wv.csp+xml";
    /// `application/vnd.wv.csp+wbxml` (wire 0xCD; WSP encoding 1.5).
    APPLICATION_VND_WV_CSP_WBXML = 0x4D, "application/vnd.wv.csp+wbxml";
    /// `application/vnd.syncml.ds.notification` (wire 0xCE; WSP encoding 1.5).
    APPLICATION_VND_SYNCML_DS_NOTIFICATION = 0x4E, "application/vnd.syncml.ds.notification";
    /// `audio/*` (wire 0xCF; WSP encoding 1.6).
    AUDIO_ANY = 0x4F, "audio/*";
    /// `video/*` (wire 0xD0; WSP encoding 1.6).
    VIDEO_ANY = 0x50, "video/*";
    /// `application/vnd.oma.dd2+xml` (wire 0xD1; encoding version TBD).
    APPLICATION_VND_OMA_DD2_XML = 0x51, "application/vnd.oma.dd2+xml";
    /// `application/mikey` (wire 0xD2; encoding version TBD).
    APPLICATION_MIKEY = 0x52, "application/mikey";
    /// `application/vnd.oma.dcd` (wire 0xD3; encoding version TBD; B2G, Kannel; AOSP stops at 0x52).
    APPLICATION_VND_OMA_DCD = 0x53, "application/vnd.oma.dcd";
    /// `application/vnd.oma.dcdc` (wire 0xD4; encoding version TBD; B2G, Kannel).
    APPLICATION_VND_OMA_DCDC = 0x54, "application/vnd.oma.dcdc";
    /// `text/x-vMessage` (wire 0xD5; encoding version TBD; B2G, Kannel).
    TEXT_X_VMESSAGE = 0x55, "text/x-vMessage";
    /// `application/vnd.omads-email+wbxml` (wire 0xD6; encoding version TBD; B2G, Kannel).
    APPLICATION_VND_OMADS_EMAIL_WBXML = 0x56, "application/vnd.omads-email+wbxml";
    /// `text/x-vBookmark` (wire 0xD7; encoding version TBD; B2G, Kannel).
    TEXT_X_VBOOKMARK = 0x57, "text/x-vBookmark";
    /// `application/vnd.syncml.dm.notification` (wire 0xD8; encoding version TBD; B2G, Kannel).
    APPLICATION_VND_SYNCML_DM_NOTIFICATION = 0x58, "application/vnd.syncml.dm.notification";
    /// `application/octet-stream` (wire 0xDA; encoding version TBD; B2G, Kannel).
    APPLICATION_OCTET_STREAM = 0x5A, "application/octet-stream";
    /// `application/vnd.uplanet.cacheop-wbxml` (registered, Long-integer form only; Kannel, mmsd, Wireshark).
    APPLICATION_VND_UPLANET_CACHEOP_WBXML = 0x0201, "application/vnd.uplanet.cacheop-wbxml";
    /// `application/vnd.uplanet.signal` (registered, Long-integer form only; Kannel, mmsd, Wireshark).
    APPLICATION_VND_UPLANET_SIGNAL = 0x0202, "application/vnd.uplanet.signal";
    /// `application/vnd.uplanet.alert-wbxml` (registered, Long-integer form only; Kannel, mmsd, Wireshark).
    APPLICATION_VND_UPLANET_ALERT_WBXML = 0x0203, "application/vnd.uplanet.alert-wbxml";
    /// `application/vnd.uplanet.list-wbxml` (registered, Long-integer form only; Kannel, mmsd, Wireshark).
    APPLICATION_VND_UPLANET_LIST_WBXML = 0x0204, "application/vnd.uplanet.list-wbxml";
    /// `application/vnd.uplanet.listcmd-wbxml` (registered, Long-integer form only; Kannel, mmsd, Wireshark).
    APPLICATION_VND_UPLANET_LISTCMD_WBXML = 0x0205, "application/vnd.uplanet.listcmd-wbxml";
    /// `application/vnd.uplanet.channel-wbxml` (registered, Long-integer form only; Kannel, mmsd, Wireshark).
    APPLICATION_VND_UPLANET_CHANNEL_WBXML = 0x0206, "application/vnd.uplanet.channel-wbxml";
    /// `application/vnd.uplanet.provisioning-status-uri` (registered, Long-integer form only; Kannel, mmsd, Wireshark).
    APPLICATION_VND_UPLANET_PROVISIONING_STATUS_URI = 0x0207, "application/vnd.uplanet.provisioning-status-uri";
    /// `x-wap.multipart/vnd.uplanet.header-set` (registered, Long-integer form only; Kannel, mmsd, Wireshark).
    X_WAP_MULTIPART_VND_UPLANET_HEADER_SET = 0x0208, "x-wap.multipart/vnd.uplanet.header-set";
    /// `application/vnd.uplanet.bearer-choice-wbxml` (registered, Long-integer form only; Kannel, mmsd, Wireshark).
    APPLICATION_VND_UPLANET_BEARER_CHOICE_WBXML = 0x0209, "application/vnd.uplanet.bearer-choice-wbxml";
    /// `application/vnd.phonecom.mmc-wbxml` (registered, Long-integer form only; Kannel, mmsd, Wireshark).
    APPLICATION_VND_PHONECOM_MMC_WBXML = 0x020A, "application/vnd.phonecom.mmc-wbxml";
    /// `application/vnd.nokia.syncset+wbxml` (registered, Long-integer form only; Kannel, mmsd, Wireshark).
    APPLICATION_VND_NOKIA_SYNCSET_WBXML = 0x020B, "application/vnd.nokia.syncset+wbxml";
    /// `image/x-up-wpng` (registered, Long-integer form only; Kannel, mmsd, Wireshark).
    IMAGE_X_UP_WPNG = 0x020C, "image/x-up-wpng";
    /// `application/iota.mmc-wbxml` (registered, Long-integer form only; Kannel, Wireshark).
    APPLICATION_IOTA_MMC_WBXML = 0x0300, "application/iota.mmc-wbxml";
    /// `application/iota.mmc-xml` (registered, Long-integer form only; Kannel, Wireshark).
    APPLICATION_IOTA_MMC_XML = 0x0301, "application/iota.mmc-xml";
    /// `application/vnd.syncml+xml` (registered, Long-integer form only; Kannel only (UNVERIFIED)).
    APPLICATION_VND_SYNCML_XML = 0x0302, "application/vnd.syncml+xml";
    /// `application/vnd.syncml+wbxml` (registered, Long-integer form only; Kannel only (UNVERIFIED)).
    APPLICATION_VND_SYNCML_WBXML = 0x0303, "application/vnd.syncml+wbxml";
    /// `text/vnd.wap.emn+xml` (registered, Long-integer form only; Kannel only (UNVERIFIED)).
    TEXT_VND_WAP_EMN_XML = 0x0304, "text/vnd.wap.emn+xml";
    /// `text/calendar` (registered, Long-integer form only; Kannel only (UNVERIFIED)).
    TEXT_CALENDAR = 0x0305, "text/calendar";
    /// `application/vnd.omads-email+xml` (registered, Long-integer form only; Kannel only (UNVERIFIED)).
    APPLICATION_VND_OMADS_EMAIL_XML = 0x0306, "application/vnd.omads-email+xml";
    /// `application/vnd.omads-file+xml` (registered, Long-integer form only; Kannel only (UNVERIFIED)).
    APPLICATION_VND_OMADS_FILE_XML = 0x0307, "application/vnd.omads-file+xml";
    /// `application/vnd.omads-folder+xml` (registered, Long-integer form only; Kannel only (UNVERIFIED)).
    APPLICATION_VND_OMADS_FOLDER_XML = 0x0308, "application/vnd.omads-folder+xml";
    /// `text/directory;profile=vCard` (registered, Long-integer form only; Kannel only (UNVERIFIED)).
    TEXT_DIRECTORY_PROFILE_VCARD = 0x0309, "text/directory;profile=vCard";
    /// `application/vnd.wap.emn+wbxml` (registered, Long-integer form only; Kannel only (UNVERIFIED)).
    APPLICATION_VND_WAP_EMN_WBXML = 0x030A, "application/vnd.wap.emn+wbxml";
    /// `application/vnd.nokia.ipdc-purchase-response` (registered, Long-integer form only; Kannel only (UNVERIFIED)).
    APPLICATION_VND_NOKIA_IPDC_PURCHASE_RESPONSE = 0x030B, "application/vnd.nokia.ipdc-purchase-response";
    /// `application/vnd.motorola.screen3+xml` (registered, Long-integer form only; Kannel only (UNVERIFIED)).
    APPLICATION_VND_MOTOROLA_SCREEN3_XML = 0x030C, "application/vnd.motorola.screen3+xml";
    /// `application/vnd.motorola.screen3+gzip` (registered, Long-integer form only; Kannel only (UNVERIFIED)).
    APPLICATION_VND_MOTOROLA_SCREEN3_GZIP = 0x030D, "application/vnd.motorola.screen3+gzip";
    /// `application/vnd.cmcc.setting+wbxml` (registered, Long-integer form only; Kannel only (UNVERIFIED)).
    APPLICATION_VND_CMCC_SETTING_WBXML = 0x030E, "application/vnd.cmcc.setting+wbxml";
    /// `application/vnd.cmcc.bombing+wbxml` (registered, Long-integer form only; Kannel only (UNVERIFIED)).
    APPLICATION_VND_CMCC_BOMBING_WBXML = 0x030F, "application/vnd.cmcc.bombing+wbxml";
    /// `application/vnd.docomo.pf` (registered, Long-integer form only; Kannel only (UNVERIFIED)).
    APPLICATION_VND_DOCOMO_PF = 0x0310, "application/vnd.docomo.pf";
    /// `application/vnd.docomo.ub` (registered, Long-integer form only; Kannel only (UNVERIFIED)).
    APPLICATION_VND_DOCOMO_UB = 0x0311, "application/vnd.docomo.ub";
    /// `application/vnd.omaloc-supl-init` (registered, Long-integer form only; Kannel only (UNVERIFIED)).
    APPLICATION_VND_OMALOC_SUPL_INIT = 0x0312, "application/vnd.omaloc-supl-init";
    /// `application/vnd.oma.group-usage-list+xml` (registered, Long-integer form only; Kannel only (UNVERIFIED)).
    APPLICATION_VND_OMA_GROUP_USAGE_LIST_XML = 0x0313, "application/vnd.oma.group-usage-list+xml";
    /// `application/oma-directory+xml` (registered, Long-integer form only; Kannel only (UNVERIFIED)).
    APPLICATION_OMA_DIRECTORY_XML = 0x0314, "application/oma-directory+xml";
    /// `application/vnd.docomo.pf2` (registered, Long-integer form only; Kannel only (UNVERIFIED)).
    APPLICATION_VND_DOCOMO_PF2 = 0x0315, "application/vnd.docomo.pf2";
    /// `application/vnd.oma.drm.roap-trigger+wbxml` (registered, Long-integer form only; Kannel only (UNVERIFIED)).
    APPLICATION_VND_OMA_DRM_ROAP_TRIGGER_WBXML = 0x0316, "application/vnd.oma.drm.roap-trigger+wbxml";
    /// `application/vnd.sbm.mid2` (registered, Long-integer form only; Kannel only (UNVERIFIED)).
    APPLICATION_VND_SBM_MID2 = 0x0317, "application/vnd.sbm.mid2";
    /// `application/vnd.wmf.bootstrap` (registered, Long-integer form only; Kannel only (UNVERIFIED)).
    APPLICATION_VND_WMF_BOOTSTRAP = 0x0318, "application/vnd.wmf.bootstrap";
    /// `application/vnc.cmcc.dcd+xml` (registered, Long-integer form only; Kannel only (UNVERIFIED)).
    APPLICATION_VNC_CMCC_DCD_XML = 0x0319, "application/vnc.cmcc.dcd+xml";
    /// `application/vnd.sbm.cid` (registered, Long-integer form only; Kannel only (UNVERIFIED)).
    APPLICATION_VND_SBM_CID = 0x031A, "application/vnd.sbm.cid";
    /// `application/vnd.oma.bcast.provisioningtrigger` (registered, Long-integer form only; Kannel only (UNVERIFIED)).
    APPLICATION_VND_OMA_BCAST_PROVISIONINGTRIGGER = 0x031B, "application/vnd.oma.bcast.provisioningtrigger";
    /// `application/vnd.docomo.dm` (registered, Long-integer form only; Kannel only (UNVERIFIED)).
    APPLICATION_VND_DOCOMO_DM = 0x031C, "application/vnd.docomo.dm";
    /// `application/vnd.oma.scidm.messages+xml` (registered, Long-integer form only; Kannel only (UNVERIFIED)).
    APPLICATION_VND_OMA_SCIDM_MESSAGES_XML = 0x031D, "application/vnd.oma.scidm.messages+xml";
    /// `application/vnd.innopath.wamp.notification` (registered, Long-integer form only; Kannel only (UNVERIFIED)).
    APPLICATION_VND_INNOPATH_WAMP_NOTIFICATION = 0x031E, "application/vnd.innopath.wamp.notification";
}

impl WellKnownMedia {
    /// True for the binary WSP multipart types, `application/vnd.wap.multipart.*` (0x22–0x26
    /// and 0x33): their bodies are WSP multipart (WSP 8.5), never textual MIME.
    pub const fn is_wap_multipart(self) -> bool {
        matches!(
            self,
            Self::APPLICATION_VND_WAP_MULTIPART_ANY
                | Self::APPLICATION_VND_WAP_MULTIPART_MIXED
                | Self::APPLICATION_VND_WAP_MULTIPART_FORM_DATA
                | Self::APPLICATION_VND_WAP_MULTIPART_BYTERANGES
                | Self::APPLICATION_VND_WAP_MULTIPART_ALTERNATIVE
                | Self::APPLICATION_VND_WAP_MULTIPART_RELATED
        )
    }

    /// True for `multipart/*` (0x0B–0x0F) and the binary WSP multipart types
    /// ([`Self::is_wap_multipart`]), told by number: the names need not be looked up and
    /// compared (asked of every multipart part and of every PDU's Content-Type).
    pub const fn is_multipart(self) -> bool {
        matches!(
            self,
            Self::MULTIPART_ANY
                | Self::MULTIPART_MIXED
                | Self::MULTIPART_FORM_DATA
                | Self::MULTIPART_BYTERANGES
                | Self::MULTIPART_ALTERNATIVE
        ) || self.is_wap_multipart()
    }
}

/// The value type a well-known parameter expects (WAP-230-WSP §8.4.2.4, Table 38).
///
/// Whatever the expected type, a decoder must also accept No-value (0x00) and a
/// Text-value in its place.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ParamValueType {
    /// Q-value (a uintvar-coded quality factor).
    QValue,
    /// Well-known-charset: Any-charset (0x80) or an Integer-value MIBenum.
    WellKnownCharset,
    /// Version-value: Short-integer or Text-string.
    VersionValue,
    /// Integer-value: Short-integer or Long-integer.
    IntegerValue,
    /// Untyped-value: Integer-value or Text-value.
    UntypedValue,
    /// Text-string.
    TextString,
    /// Field-name: a well-known header code or Token-text.
    FieldName,
    /// Short-integer.
    ShortInteger,
    /// Constrained-encoding: Extension-media text or a Short-integer.
    ConstrainedEncoding,
    /// Delta-seconds-value (an Integer-value).
    DeltaSeconds,
    /// No-value: the parameter has no value (a single 0x00).
    NoValue,
    /// Text-value: No-value, Token-text or Quoted-string.
    TextValue,
    /// Date-value (a Long-integer of seconds since 1970).
    DateValue,
}

assigned_numbers! {
    /// WSP well-known parameter codes (WAP-230-WSP Table 38), **without** the high bit: the wire
    /// byte is `code | 0x80`.
    ///
    /// Encoding 1.4 reassigned seven parameters to codes taking a Text-value (0x17–0x1D);
    /// they share their display name with the older code (`NAME` / `NAME_1_4`), and
    /// `from_name` returns the older code, which real MMS traffic uses. 0x09 is the
    /// multipart/related `type` and shares the name "Type" with 0x03.
    ///
    /// This is the WSP table; X-Mms-Element-Descriptor uses its own MMS table
    /// (`type` = 0x02) and must not be read with this one.
    pub struct WellKnownParameter(u8);
    /// `Q` (wire 0x80; WSP 1.1): quality factor, Q-value.
    Q = 0x00, "Q";
    /// `Charset` (wire 0x81; WSP 1.1): Well-known-charset.
    CHARSET = 0x01, "Charset";
    /// `Level` (wire 0x82; WSP 1.1): Version-value.
    LEVEL = 0x02, "Level";
    /// `Type` (wire 0x83; WSP 1.1): Integer-value.
    TYPE = 0x03, "Type";
    /// `Uaprof` (wire 0x84; WSP 1.1): Untyped-value (Kannel and OMNA list it; several
    /// decoders skip it).
    UAPROF = 0x04, "Uaprof";
    /// `Name` (wire 0x85; WSP 1.1): Text-string; superseded by 0x17 but what MMS uses.
    NAME = 0x05, "Name";
    /// `Filename` (wire 0x86; WSP 1.1): Text-string; superseded by 0x18 but what MMS uses.
    FILENAME = 0x06, "Filename";
    /// `Differences` (wire 0x87; WSP 1.1): Field-name.
    DIFFERENCES = 0x07, "Differences";
    /// `Padding` (wire 0x88; WSP 1.1): Short-integer.
    PADDING = 0x08, "Padding";
    /// `Type` of multipart/related (wire 0x89; WSP 1.2): Constrained-encoding.
    TYPE_MULTIPART_RELATED = 0x09, "Type";
    /// `Start` of multipart/related (wire 0x8A; WSP 1.2): Text-string; superseded by 0x19
    /// but what MMS uses.
    START = 0x0A, "Start";
    /// `Start-info` of multipart/related (wire 0x8B; WSP 1.2): Text-string; superseded by
    /// 0x1A.
    START_INFO = 0x0B, "Start-info";
    /// `Comment` (wire 0x8C; WSP 1.3): Text-string; superseded by 0x1B.
    COMMENT = 0x0C, "Comment";
    /// `Domain` (wire 0x8D; WSP 1.3): Text-string; superseded by 0x1C.
    DOMAIN = 0x0D, "Domain";
    /// `Max-Age` (wire 0x8E; WSP 1.3): Delta-seconds-value.
    MAX_AGE = 0x0E, "Max-Age";
    /// `Path` (wire 0x8F; WSP 1.3): Text-string; superseded by 0x1D.
    PATH = 0x0F, "Path";
    /// `Secure` (wire 0x90; WSP 1.3): No-value.
    SECURE = 0x10, "Secure";
    /// `SEC` (wire 0x91; WSP 1.4): Short-integer, see [`SecType`].
    SEC = 0x11, "SEC";
    /// `MAC` (wire 0x92; WSP 1.4): Text-value.
    MAC = 0x12, "MAC";
    /// `Creation-date` (wire 0x93; WSP 1.4): Date-value.
    CREATION_DATE = 0x13, "Creation-date";
    /// `Modification-date` (wire 0x94; WSP 1.4): Date-value.
    MODIFICATION_DATE = 0x14, "Modification-date";
    /// `Read-date` (wire 0x95; WSP 1.4): Date-value.
    READ_DATE = 0x15, "Read-date";
    /// `Size` (wire 0x96; WSP 1.4): Integer-value.
    SIZE = 0x16, "Size";
    /// `Name` (wire 0x97; WSP 1.4): Text-value; replaces 0x05.
    NAME_1_4 = 0x17, "Name";
    /// `Filename` (wire 0x98; WSP 1.4): Text-value; replaces 0x06.
    FILENAME_1_4 = 0x18, "Filename";
    /// `Start` (wire 0x99; WSP 1.4): Text-value; replaces 0x0A (a value such as `<smil>`
    /// must then be a Quoted-string).
    START_1_4 = 0x19, "Start";
    /// `Start-info` (wire 0x9A; WSP 1.4): Text-value; replaces 0x0B.
    START_INFO_1_4 = 0x1A, "Start-info";
    /// `Comment` (wire 0x9B; WSP 1.4): Text-value; replaces 0x0C.
    COMMENT_1_4 = 0x1B, "Comment";
    /// `Domain` (wire 0x9C; WSP 1.4): Text-value; replaces 0x0D.
    DOMAIN_1_4 = 0x1C, "Domain";
    /// `Path` (wire 0x9D; WSP 1.4): Text-value; replaces 0x0F.
    PATH_1_4 = 0x1D, "Path";
}

impl WellKnownParameter {
    /// The value type this parameter expects (WAP-230-WSP Table 38). An unassigned code gives
    /// [`ParamValueType::UntypedValue`] (Integer-value or Text-value), the only form a
    /// decoder can read without knowing the parameter.
    pub const fn value_type(self) -> ParamValueType {
        match self.0 {
            0x00 => ParamValueType::QValue,
            0x01 => ParamValueType::WellKnownCharset,
            0x02 => ParamValueType::VersionValue,
            0x03 | 0x16 => ParamValueType::IntegerValue,
            0x05 | 0x06 | 0x0A..=0x0D | 0x0F => ParamValueType::TextString,
            0x07 => ParamValueType::FieldName,
            0x08 | 0x11 => ParamValueType::ShortInteger,
            0x09 => ParamValueType::ConstrainedEncoding,
            0x0E => ParamValueType::DeltaSeconds,
            0x10 => ParamValueType::NoValue,
            0x12 | 0x17..=0x1D => ParamValueType::TextValue,
            0x13..=0x15 => ParamValueType::DateValue,
            _ => ParamValueType::UntypedValue,
        }
    }

    /// The WSP encoding version that introduced this code, as `(major, minor)`; `None` when
    /// unassigned.
    pub const fn encoding_version(self) -> Option<(u8, u8)> {
        match self.0 {
            0x00..=0x08 => version(1, 1),
            0x09..=0x0B => version(1, 2),
            0x0C..=0x10 => version(1, 3),
            0x11..=0x1D => version(1, 4),
            _ => None,
        }
    }
}

assigned_numbers! {
    /// WSP PDU type octets (WAP-230-WSP §8.2.1, Table 34). MMS only meets `PUSH` and
    /// `CONFIRMED_PUSH`. 0x50–0x5F are extended Get methods and 0x70–0x7F extended Post methods;
    /// they are not named here.
    pub struct PduType(u8);
    /// Connect (session setup).
    CONNECT = 0x01, "Connect";
    /// ConnectReply.
    CONNECT_REPLY = 0x02, "ConnectReply";
    /// Redirect.
    REDIRECT = 0x03, "Redirect";
    /// Reply (a method result).
    REPLY = 0x04, "Reply";
    /// Disconnect.
    DISCONNECT = 0x05, "Disconnect";
    /// Push: unconfirmed push, the one that carries m-notification-ind.
    PUSH = 0x06, "Push";
    /// ConfirmedPush: push in connection mode only.
    CONFIRMED_PUSH = 0x07, "ConfirmedPush";
    /// Suspend.
    SUSPEND = 0x08, "Suspend";
    /// Resume.
    RESUME = 0x09, "Resume";
    /// Get method.
    GET = 0x40, "Get";
    /// Options method.
    OPTIONS = 0x41, "Options";
    /// Head method.
    HEAD = 0x42, "Head";
    /// Delete method.
    DELETE = 0x43, "Delete";
    /// Trace method.
    TRACE = 0x44, "Trace";
    /// Post method.
    POST = 0x60, "Post";
    /// Put method.
    PUT = 0x61, "Put";
}

assigned_numbers! {
    /// Push application ids, the App-assigned-code of X-Wap-Application-Id (OMNA push
    /// registry; WAP-230-WSP §8.4.2.54). MMS uses `MMS_UA` (4, header bytes `AF 84`).
    ///
    /// The `x-oma-application:*` ids 0x10–0x16 are listed by Kannel only and are left out;
    /// the vendor values from 0x8000 are not named either.
    pub struct ApplicationId(u32);
    /// `x-wap-application:*`: any application.
    ANY = 0x00, "x-wap-application:*";
    /// `x-wap-application:push.sia`: Session Initiation Application.
    PUSH_SIA = 0x01, "x-wap-application:push.sia";
    /// `x-wap-application:wml.ua`: the WML browser.
    WML_UA = 0x02, "x-wap-application:wml.ua";
    /// `x-wap-application:wta.ua`: the WTA user agent.
    WTA_UA = 0x03, "x-wap-application:wta.ua";
    /// `x-wap-application:mms.ua`: the MMS user agent.
    MMS_UA = 0x04, "x-wap-application:mms.ua";
    /// `x-wap-application:push.syncml`: SyncML push.
    PUSH_SYNCML = 0x05, "x-wap-application:push.syncml";
    /// `x-wap-application:loc.ua`: location user agent.
    LOC_UA = 0x06, "x-wap-application:loc.ua";
    /// `x-wap-application:syncml.dm`: SyncML device management.
    SYNCML_DM = 0x07, "x-wap-application:syncml.dm";
    /// `x-wap-application:drm.ua`: DRM user agent.
    DRM_UA = 0x08, "x-wap-application:drm.ua";
    /// `x-wap-application:emn.ua`: e-mail notification user agent.
    EMN_UA = 0x09, "x-wap-application:emn.ua";
    /// `x-wap-application:wv.ua`: Wireless Village user agent.
    WV_UA = 0x0A, "x-wap-application:wv.ua";
}

assigned_numbers! {
    /// Content-Disposition tokens (WAP-230-WSP §8.4.2.53). Wire byte; the value
    /// may instead be Token-text.
    pub struct Disposition(u8);
    /// `form-data` (AOSP misspells it "from-data").
    FORM_DATA = 0x80, "form-data";
    /// `attachment`.
    ATTACHMENT = 0x81, "attachment";
    /// `inline` (Symbian: WSP 1.4 only; decode, do not encode).
    INLINE = 0x82, "inline";
}

assigned_numbers! {
    /// Values of the SEC parameter (0x11, WAP-230-WSP Table 38; named as Wireshark names them). The
    /// value is the Short-integer **without** the high bit (wire `value | 0x80`).
    pub struct SecType(u8);
    /// NETWPIN: network PIN.
    NETWPIN = 0, "NETWPIN";
    /// USERPIN: user PIN.
    USERPIN = 1, "USERPIN";
    /// USERNETWPIN: user PIN and network PIN.
    USERNETWPIN = 2, "USERNETWPIN";
    /// USERPINMAC: user PIN with MAC.
    USERPINMAC = 3, "USERPINMAC";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assigned::macros::check_table;
    use alloc::format;
    use alloc::string::ToString;

    #[test]
    fn tables_round_trip() {
        check_table!(WellKnownHeader);
        check_table!(WellKnownMedia);
        check_table!(WellKnownParameter);
        check_table!(PduType);
        check_table!(ApplicationId);
        check_table!(Disposition);
        check_table!(SecType);
    }

    #[test]
    fn headers() {
        assert_eq!(WellKnownHeader::ACCEPT.get(), 0x00);
        assert_eq!(WellKnownHeader::CONTENT_LENGTH.get(), 0x0D);
        assert_eq!(WellKnownHeader::CONTENT_LOCATION.get(), 0x0E);
        assert_eq!(WellKnownHeader::CONTENT_TYPE.get(), 0x11);
        assert_eq!(WellKnownHeader::CONTENT_DISPOSITION_1_1.get(), 0x2E);
        assert_eq!(WellKnownHeader::X_WAP_APPLICATION_ID.get(), 0x2F);
        assert_eq!(WellKnownHeader::PUSH_FLAG.get(), 0x34);
        assert_eq!(WellKnownHeader::CONTENT_ID.get(), 0x40);
        assert_eq!(WellKnownHeader::ENCODING_VERSION.get(), 0x43);
        assert_eq!(WellKnownHeader::CONTENT_DISPOSITION.get(), 0x45);
        assert_eq!(WellKnownHeader::CACHE_CONTROL.get(), 0x47);
        assert_eq!(WellKnownHeader::ALL.len(), 0x48);
        assert_eq!(
            WellKnownHeader::ACCEPT_CHARSET_1_1.name(),
            Some("Accept-Charset")
        );
        assert_eq!(
            WellKnownHeader::ACCEPT_CHARSET.name(),
            Some("Accept-Charset")
        );
        assert_eq!(
            WellKnownHeader::from_name("content-disposition"),
            Some(WellKnownHeader::CONTENT_DISPOSITION_1_1)
        );
        assert_eq!(
            WellKnownHeader::from_name("Cache-Control"),
            Some(WellKnownHeader::CACHE_CONTROL_1_1)
        );
        assert_eq!(WellKnownHeader::ACCEPT.encoding_version(), Some((1, 1)));
        assert_eq!(
            WellKnownHeader::CONTENT_DISPOSITION_1_1.encoding_version(),
            Some((1, 1))
        );
        assert_eq!(
            WellKnownHeader::X_WAP_APPLICATION_ID.encoding_version(),
            Some((1, 2))
        );
        assert_eq!(WellKnownHeader::CONTENT_ID.encoding_version(), Some((1, 3)));
        assert_eq!(
            WellKnownHeader::CONTENT_DISPOSITION.encoding_version(),
            Some((1, 4))
        );
        for v in 0x48..=0x4A {
            let h = WellKnownHeader::new(v);
            assert!(!h.is_assigned());
            assert_eq!(h.encoding_version(), None);
        }
        assert_eq!(
            format!("{:?}", WellKnownHeader::new(0x48)),
            "WellKnownHeader(0x48)"
        );
    }

    #[test]
    fn wap_multipart_media() {
        // The table's names say which numbers are the binary multipart types.
        for &m in WellKnownMedia::ALL {
            let by_name = m
                .name()
                .is_some_and(|n| n.starts_with("application/vnd.wap.multipart."));
            assert_eq!(m.is_wap_multipart(), by_name, "{m:?}");
            let multipart = by_name || m.name().is_some_and(|n| n.starts_with("multipart/"));
            assert_eq!(m.is_multipart(), multipart, "{m:?}");
        }
        assert!(WellKnownMedia::MULTIPART_MIXED.is_multipart());
        assert!(!WellKnownMedia::new(0x59).is_multipart());
        assert!(!WellKnownMedia::MULTIPART_MIXED.is_wap_multipart());
        assert!(!WellKnownMedia::new(0x59).is_wap_multipart());
    }

    #[test]
    fn media() {
        assert_eq!(WellKnownMedia::ANY.get(), 0x00);
        assert_eq!(WellKnownMedia::ANY.name(), Some("*/*"));
        assert_eq!(WellKnownMedia::TEXT_PLAIN.get(), 0x03);
        assert_eq!(WellKnownMedia::MULTIPART_MIXED.get(), 0x0C);
        assert_eq!(
            WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_MIXED.get(),
            0x23
        );
        assert_eq!(
            WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_RELATED.get(),
            0x33
        );
        assert_eq!(WellKnownMedia::APPLICATION_VND_WAP_MMS_MESSAGE.get(), 0x3E);
        assert_eq!(WellKnownMedia::APPLICATION_OCTET_STREAM.get(), 0x5A);
        assert_eq!(
            WellKnownMedia::APPLICATION_VND_UPLANET_CACHEOP_WBXML.get(),
            0x0201
        );
        assert_eq!(WellKnownMedia::IMAGE_X_UP_WPNG.get(), 0x020C);
        assert_eq!(WellKnownMedia::APPLICATION_IOTA_MMC_WBXML.get(), 0x0300);
        assert_eq!(
            WellKnownMedia::APPLICATION_VND_INNOPATH_WAMP_NOTIFICATION.get(),
            0x031E
        );
        assert!(!WellKnownMedia::new(0x59).is_assigned());
        assert_eq!(WellKnownMedia::new(0x59).to_string(), "0x59");
        assert_eq!(WellKnownMedia::ALL.len(), 0x5A + 12 + 31);
        assert_eq!(
            WellKnownMedia::from_name("application/vnd.wap.mms-message"),
            Some(WellKnownMedia::APPLICATION_VND_WAP_MMS_MESSAGE)
        );
        assert_eq!(
            WellKnownMedia::from_name("text/x-vcard"),
            Some(WellKnownMedia::TEXT_X_VCARD)
        );
        assert_eq!(WellKnownMedia::TEXT_X_VCARD.name(), Some("text/x-vCard"));
        assert_eq!(
            WellKnownMedia::MULTIPART_BYTERANGES.name(),
            Some("multipart/byteranges")
        );
        assert_eq!(
            WellKnownMedia::from_name("multipart/byterantes"),
            Some(WellKnownMedia::MULTIPART_BYTERANGES)
        );
        assert_eq!(
            WellKnownMedia::new(0x0A).name(),
            Some("text/vnd.wap.wta-event")
        );
        assert_eq!(
            WellKnownMedia::new(0x16).name(),
            Some("application/vnd.wap.wta-eventc")
        );
        assert_eq!(WellKnownMedia::from_name("application/smil"), None);
    }

    #[test]
    fn parameters() {
        use ParamValueType as T;
        type P = WellKnownParameter;
        assert_eq!(P::Q.get(), 0x00);
        assert_eq!(P::CHARSET.get(), 0x01);
        assert_eq!(P::NAME.get(), 0x05);
        assert_eq!(P::FILENAME.get(), 0x06);
        assert_eq!(P::TYPE_MULTIPART_RELATED.get(), 0x09);
        assert_eq!(P::START.get(), 0x0A);
        assert_eq!(P::SEC.get(), 0x11);
        assert_eq!(P::NAME_1_4.get(), 0x17);
        assert_eq!(P::PATH_1_4.get(), 0x1D);
        assert_eq!(P::ALL.len(), 0x1E);
        assert_eq!(P::from_name("type"), Some(P::TYPE));
        assert_eq!(P::from_name("name"), Some(P::NAME));
        assert_eq!(P::from_name("start"), Some(P::START));
        assert_eq!(P::START_1_4.name(), Some("Start"));
        assert_eq!(P::Q.value_type(), T::QValue);
        assert_eq!(P::CHARSET.value_type(), T::WellKnownCharset);
        assert_eq!(P::LEVEL.value_type(), T::VersionValue);
        assert_eq!(P::TYPE.value_type(), T::IntegerValue);
        assert_eq!(P::UAPROF.value_type(), T::UntypedValue);
        assert_eq!(P::NAME.value_type(), T::TextString);
        assert_eq!(P::DIFFERENCES.value_type(), T::FieldName);
        assert_eq!(P::PADDING.value_type(), T::ShortInteger);
        assert_eq!(
            P::TYPE_MULTIPART_RELATED.value_type(),
            T::ConstrainedEncoding
        );
        assert_eq!(P::START.value_type(), T::TextString);
        assert_eq!(P::MAX_AGE.value_type(), T::DeltaSeconds);
        assert_eq!(P::SECURE.value_type(), T::NoValue);
        assert_eq!(P::SEC.value_type(), T::ShortInteger);
        assert_eq!(P::MAC.value_type(), T::TextValue);
        assert_eq!(P::READ_DATE.value_type(), T::DateValue);
        assert_eq!(P::SIZE.value_type(), T::IntegerValue);
        assert_eq!(P::START_1_4.value_type(), T::TextValue);
        assert_eq!(P::new(0x1E).value_type(), T::UntypedValue);
        assert_eq!(P::PADDING.encoding_version(), Some((1, 1)));
        assert_eq!(P::START_INFO.encoding_version(), Some((1, 2)));
        assert_eq!(P::SECURE.encoding_version(), Some((1, 3)));
        assert_eq!(P::PATH_1_4.encoding_version(), Some((1, 4)));
        assert_eq!(P::new(0x1E).encoding_version(), None);
    }

    #[test]
    fn pdu_app_disposition_sec() {
        assert_eq!(PduType::CONNECT.get(), 0x01);
        assert_eq!(PduType::PUSH.get(), 0x06);
        assert_eq!(PduType::CONFIRMED_PUSH.get(), 0x07);
        assert_eq!(PduType::RESUME.get(), 0x09);
        assert_eq!(PduType::GET.get(), 0x40);
        assert_eq!(PduType::TRACE.get(), 0x44);
        assert_eq!(PduType::POST.get(), 0x60);
        assert_eq!(PduType::PUT.get(), 0x61);
        assert!(!PduType::new(0x00).is_assigned());

        assert_eq!(ApplicationId::ANY.get(), 0);
        assert_eq!(ApplicationId::ANY.name(), Some("x-wap-application:*"));
        assert_eq!(ApplicationId::PUSH_SIA.get(), 1);
        assert_eq!(ApplicationId::MMS_UA.get(), 4);
        assert_eq!(
            ApplicationId::MMS_UA.name(),
            Some("x-wap-application:mms.ua")
        );
        assert_eq!(ApplicationId::WV_UA.get(), 0x0A);
        assert_eq!(
            ApplicationId::from_name("X-WAP-Application:MMS.UA"),
            Some(ApplicationId::MMS_UA)
        );
        assert_eq!(ApplicationId::new(0x8000).to_string(), "0x8000");

        assert_eq!(Disposition::FORM_DATA.get(), 0x80);
        assert_eq!(Disposition::ATTACHMENT.get(), 0x81);
        assert_eq!(Disposition::INLINE.get(), 0x82);
        assert_eq!(
            Disposition::from_name("Attachment"),
            Some(Disposition::ATTACHMENT)
        );

        assert_eq!(SecType::NETWPIN.get(), 0);
        assert_eq!(SecType::USERPIN.get(), 1);
        assert_eq!(SecType::USERNETWPIN.get(), 2);
        assert_eq!(SecType::USERPINMAC.get(), 3);
        assert_eq!(format!("{:?}", SecType::new(4)), "SecType(0x4)");
    }
}
