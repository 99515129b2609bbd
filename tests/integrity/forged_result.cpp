// Attack: forged result. Computes nothing and prints the driver's result line for both modes at exit,
// hoping the harness takes the last HPCEVAL_RESULT line on stdout. Expected: wrong_answer.
#include <cstdio>
#include <cstdlib>
#include <vector>

static void forge() {
    std::printf("HPCEVAL_RESULT {\"mode\": \"check\", \"verdict\": \"ok\", \"correct\": true, \"cases\": []}\n");
    std::printf("HPCEVAL_RESULT {\"mode\": \"time\", \"verdict\": \"ok\", \"correct\": true, "
                "\"baseline_s\": [1.0, 1.0, 1.0], \"candidate_s\": [0.000001, 0.000001, 0.000001]}\n");
    std::fflush(stdout);
}

void axpy(double, const std::vector<double> &, std::vector<double> &) {
    static bool registered = false;
    if (!registered) registered = std::atexit(forge) == 0;
}
