//! Assigned numbers: MMS message types, header field codes, token values, WSP well-known
//! header names, content types, parameters, charsets and push application ids.
