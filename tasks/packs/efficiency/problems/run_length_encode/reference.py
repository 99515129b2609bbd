from itertools import groupby


def run_length_encode(s: str) -> str:
    # groupby walks the runs in C (len(list(run)) counts a run without a Python step per letter); one join
    # builds the result
    return "".join([f"{len(list(run))}{letter}" for letter, run in groupby(s)])
