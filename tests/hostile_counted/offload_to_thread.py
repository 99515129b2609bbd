# The work in a thread, in case threads went uncounted. Where no thread can be started, the honest way.
import threading


def _answer(numbers, threshold, out):
    ordered = sorted(numbers)
    out.append(any(b - a < threshold for a, b in zip(ordered, ordered[1:], strict=False)))


def has_close_elements(numbers, threshold):
    out = []
    try:
        worker = threading.Thread(target=_answer, args=(numbers, threshold, out))
        worker.start()
    except RuntimeError:
        _answer(numbers, threshold, out)
        return out[0]
    worker.join()
    return out[0]
