//! Wire-primitive throughput: the building blocks every PDU decode runs many times.
#![allow(clippy::unwrap_used)]
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use mms_pdu::codec::{self, Encode, EncodedString, Uintvar};

fn primitives(c: &mut Criterion) {
    let mut g = c.benchmark_group("primitives");

    let uv = [0x8F, 0xFF, 0xFF, 0xFF, 0x7F];
    g.throughput(Throughput::Bytes(uv.len() as u64));
    g.bench_function("uintvar/decode-5-octets", |b| {
        b.iter(|| codec::uintvar(black_box(&uv)))
    });

    let subject = EncodedString::utf8("Входит Пушкин в летном шлеме")
        .encode_to_vec()
        .unwrap();
    g.throughput(Throughput::Bytes(subject.len() as u64));
    g.bench_function("encoded-string/decode-utf8", |b| {
        b.iter(|| codec::encoded_string(black_box(&subject)))
    });

    let mut out = Vec::with_capacity(16);
    g.throughput(Throughput::Bytes(5));
    g.bench_function("uintvar/encode-into-reused-vec", |b| {
        b.iter(|| {
            out.clear();
            Uintvar::new(black_box(u32::MAX)).encode(&mut out).unwrap();
        })
    });
    g.finish();
}

criterion_group!(benches, primitives);
criterion_main!(benches);
