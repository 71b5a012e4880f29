#!/usr/bin/env python3
"""Convert Nielsen's mnist.pkl.gz (Python-2 pickle of numpy arrays) to the four MNIST IDX files.

Standard library only: a restricted Unpickler stands in for numpy's `_reconstruct`, `ndarray` and
`dtype`, so numpy is never imported and no other global can be loaded.

Usage: mnist_to_idx.py PICKLE_GZ OUT_DIR
Writes OUT_DIR/{train,t10k}-{images-idx3,labels-idx1}-ubyte (uncompressed: the trainer loads
them in milliseconds) and checks the MD5 of each
uncompressed file against the official one. Pixels are stored as k/256 exactly, so the byte is
round(x * 256); train = the 50k train images followed by the 10k validation images.
"""

import array
import gzip
import hashlib
import os
import pickle
import struct
import sys

OFFICIAL_MD5 = {
    "train-images-idx3-ubyte": "6bbc9ace898e44ae57da46a324031adb",
    "train-labels-idx1-ubyte": "a25bea736e30d166cdddb491f175f624",
    "t10k-images-idx3-ubyte": "2646ac647ad5339dbf082846283269ea",
    "t10k-labels-idx1-ubyte": "27ae3e4e09519cfbb04c329615203637",
}


class DType:
    """Stands in for numpy.dtype: remembers the type code ('f4', 'i8', ...) and byte order."""

    def __init__(self, code, align=0, copy=1):
        self.code = code
        self.order = "<"

    def __setstate__(self, state):
        # (version, byteorder, subarray, names, fields, elsize, alignment, flags)
        if len(state) > 1 and state[1] in ("<", ">"):
            self.order = state[1]


class NDArray:
    """Stands in for numpy.ndarray: shape, dtype and the raw bytes."""

    def __init__(self):
        self.shape = ()
        self.dtype = None
        self.raw = b""

    def __setstate__(self, state):
        # (version, shape, dtype, is_fortran, rawdata)
        _, shape, dtype, fortran, raw = state
        if fortran:
            raise ValueError("Fortran-ordered arrays are not supported")
        self.shape = tuple(shape)
        self.dtype = dtype
        self.raw = raw.encode("latin1") if isinstance(raw, str) else bytes(raw)

    def values(self):
        """The elements as a flat array.array of the right type, in native byte order."""
        codes = {"f4": "f", "f8": "d", "i8": "q", "i4": "i", "u1": "B", "i1": "b"}
        code = self.dtype.code
        if code not in codes:
            raise ValueError(f"unsupported dtype {code!r}")
        a = array.array(codes[code])
        a.frombytes(self.raw)
        if (self.dtype.order == ">") != (sys.byteorder == "big") and a.itemsize > 1:
            a.byteswap()
        return a


def reconstruct(cls, shape, typecode):
    return NDArray()


class RestrictedUnpickler(pickle.Unpickler):
    """Loads only the three numpy globals an ndarray pickle needs, as stand-ins."""

    ALLOWED = {
        ("numpy.core.multiarray", "_reconstruct"): reconstruct,
        ("numpy._core.multiarray", "_reconstruct"): reconstruct,
        ("numpy", "ndarray"): NDArray,
        ("numpy", "dtype"): DType,
    }

    def find_class(self, module, name):
        try:
            return self.ALLOWED[(module, name)]
        except KeyError:
            raise pickle.UnpicklingError(f"global {module}.{name} is not allowed") from None


def to_bytes(images):
    """Pixel floats k/256 -> bytes round(x*256), clamped to 0...255.

    A float32 pixel has few distinct bit patterns, so each pattern is converted once and the
    whole array is mapped through that table (seconds instead of minutes in pure Python).
    """
    values = images.values()
    if values.typecode != "f":
        return bytes(min(255, max(0, int(round(x * 256.0)))) for x in values)
    bits = array.array("I")
    bits.frombytes(values.tobytes())
    table = {}
    for pattern in set(bits):
        (x,) = struct.unpack("=f", struct.pack("=I", pattern))
        table[pattern] = min(255, max(0, int(round(x * 256.0))))
    return bytes(map(table.__getitem__, bits))


def to_labels(labels):
    """Integer labels -> one byte each."""
    return bytes(int(v) for v in labels.values())


def write_idx(out_dir, name, header, payload):
    data = header + payload
    digest = hashlib.md5(data).hexdigest()
    if digest != OFFICIAL_MD5[name]:
        raise SystemExit(f"mnist_to_idx: {name}: MD5 {digest} does not match the official {OFFICIAL_MD5[name]}")
    path = os.path.join(out_dir, name)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)
    print(f"  {path}  md5(uncompressed) {digest} ok")


def main():
    if len(sys.argv) != 3:
        raise SystemExit("usage: mnist_to_idx.py PICKLE_GZ OUT_DIR")
    source, out_dir = sys.argv[1], sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    with gzip.open(source, "rb") as f:
        train, valid, test = RestrictedUnpickler(f, encoding="latin1").load()
    sets = {
        "train": (to_bytes(train[0]) + to_bytes(valid[0]),
                  to_labels(train[1]) + to_labels(valid[1])),
        "t10k": (to_bytes(test[0]), to_labels(test[1])),
    }
    for prefix, (pixels, labels) in sets.items():
        count = len(labels)
        if len(pixels) != count * 784:
            raise SystemExit(f"mnist_to_idx: {prefix}: {len(pixels)} pixels for {count} labels")
        write_idx(out_dir, f"{prefix}-images-idx3-ubyte", struct.pack(">IIII", 2051, count, 28, 28), pixels)
        write_idx(out_dir, f"{prefix}-labels-idx1-ubyte", struct.pack(">II", 2049, count), labels)


if __name__ == "__main__":
    main()
