"""Compile the matching core (databases/matching) to C with mypyc, into .native/ (see databases/matching/__init__).

    .venv/bin/python scripts/build_native.py [--force]

Does nothing when .native/ already holds a build of the present sources. Without a C compiler, or if the build
fails, it says so and leaves the pure-Python modules in use: the portal gives the same answers, only slower.
"""

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from databases import matching  # noqa: E402 (the repository's root first)

# Setuptools' command line, run in a child process: it reads sys.argv and may exit.
BUILD = """
import sys
from setuptools import Extension, setup
from mypyc.build import mypycify

built, temp, c_source, sources = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
options = ["--config-file", "", "--ignore-missing-imports"]
sys.argv = [sys.argv[0], "build_ext", "--build-lib", built, "--build-temp", temp]
# The token similarity in C must give the Python's doubles: no fused multiply-add.
scoring = Extension("databases.matching._scoring", [c_source], extra_compile_args=["-O2", "-ffp-contract=off"])
setup(name="matching-native", packages=[], py_modules=[],
      ext_modules=[*mypycify([*options, *sources], opt_level="3", group_name="databases.matching.compiled",
                             target_dir=temp), scoring])  # the generated C in the scratch folder too
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="build even if the build is current")
    args = parser.parse_args()
    if not args.force and matching.native_is_current():
        return 0
    sources = [str((matching.SOURCE_DIR / f"{name}.py").relative_to(ROOT)) for name in matching.COMPILED_MODULES]
    with tempfile.TemporaryDirectory() as scratch:
        built, temp = Path(scratch) / "lib", Path(scratch) / "temp"
        # From the root, so that the modules get their dotted names; the empty package lists keep setuptools from
        # looking for the project's packages. Our own interpreter and fixed arguments: nothing from outside.
        c_source = str((matching.SOURCE_DIR / matching.C_SOURCE).relative_to(ROOT))
        command = [sys.executable, "-c", BUILD, str(built), str(temp), c_source, *sources]
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)  # noqa: S603
        if result.returncode != 0:
            tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-8:])
            print(f"matching core not compiled (pure Python is used, slower):\n{tail}", file=sys.stderr)
            return 0
        target = matching.NATIVE_DIR
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        for library in (built / "databases" / "matching").glob("*.so"):
            shutil.copy2(library, target / library.name)
    (target / matching.DIGEST_FILE).write_text(matching.sources_digest() + "\n")
    print(f"matching core compiled with mypyc into {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
