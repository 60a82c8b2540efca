//! The SMS transport of WAP push: WDP user data headers, segmentation and reassembly
//! (REFERENCE.md §9.2; 3GPP TS 23.040).
