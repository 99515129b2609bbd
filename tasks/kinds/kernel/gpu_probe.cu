// gpu_probe.cu -- does this sandbox have a GPU that runs the cuda model's code? Built by the kernel kind from
// this file alone (never with candidate code), with the model's flags, and run before a cuda job's check step.
// Exit 0: a device ran a kernel of this build, and the first stdout line names it. Exit 2: no device or no driver
// (the job's checks and timing are recorded as skipped_no_gpu). Exit 3: a device that cannot run this build's code
// (an architecture the build lacks, a broken driver): the machine's fault, an infra_error.
#include <cuda_runtime_api.h>

#include <cstdio>

__global__ void hpceval_probe_kernel(int *out) { *out = 42; }

static int no_gpu(const char *why) {
    std::printf("HPCEVAL_GPU none: %s\n", why);
    return 2;
}

static int unusable(const char *what, cudaError_t e) {
    std::printf("HPCEVAL_GPU unusable: %s: %s\n", what, cudaGetErrorString(e));
    return 3;
}

int main() {
    int count = 0;
    const cudaError_t e = cudaGetDeviceCount(&count);
    if (e == cudaErrorNoDevice || e == cudaErrorInsufficientDriver || (e == cudaSuccess && count == 0))
        return no_gpu(e == cudaSuccess ? "no CUDA device" : cudaGetErrorString(e));
    if (e != cudaSuccess) return no_gpu(cudaGetErrorString(e));
    cudaDeviceProp prop;
    cudaError_t status = cudaGetDeviceProperties(&prop, 0);
    if (status != cudaSuccess) return unusable("cudaGetDeviceProperties", status);
    int *device = nullptr, host = 0;
    status = cudaMalloc(&device, sizeof(int));
    if (status != cudaSuccess) return unusable("cudaMalloc", status);
    hpceval_probe_kernel<<<1, 1>>>(device);
    status = cudaGetLastError();
    if (status != cudaSuccess) return unusable("a kernel of this build did not launch", status);
    status = cudaMemcpy(&host, device, sizeof(int), cudaMemcpyDeviceToHost);
    if (status != cudaSuccess || host != 42) return unusable("a kernel of this build did not run", status);
    cudaFree(device);
    std::printf("HPCEVAL_GPU %s (sm_%d%d, %d devices)\n", prop.name, prop.major, prop.minor, count);
    return 0;
}
