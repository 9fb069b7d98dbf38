# The two commands: `make demo` and `make test`. Each installs what it needs first.
SHELL := /bin/bash
JOBS ?= $(shell nproc)
CMAKE_FLAGS := -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

.PHONY: bootstrap build build-asan test demo bench clean format screenshots

bootstrap:
	@scripts/bootstrap

build: bootstrap
	@cmake -S . -B build $(CMAKE_FLAGS) >/dev/null
	@cmake --build build -j $(JOBS) --target perfgate

# Unit and integration tests run under AddressSanitizer + UndefinedBehaviorSanitizer.
build-asan: bootstrap
	@cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DPERFGATE_SANITIZE=ON >/dev/null
	@cmake --build build-asan -j $(JOBS)

test: build-asan
	@cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure --timeout 600 -j $(JOBS)

# The web UI's screenshots in docs/ (shown in the README): the browser tests take them, and keep
# them there when PERFGATE_SCREENSHOTS says so.
screenshots: build-asan
	@cd build-asan && PERFGATE_SCREENSHOTS=$(CURDIR)/docs ctest -R integration_browser --output-on-failure

demo: build
	@scripts/demo

bench: bootstrap
	@cmake -S . -B build $(CMAKE_FLAGS) >/dev/null
	@cmake --build build -j $(JOBS) --target perfgate perfgate_bench
	@scripts/bench

format:
	@clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	@rm -rf build build-asan
