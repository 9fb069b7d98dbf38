#include "cli/cli.h"

int main(int argc, char** argv) { return perfgate::RunCli(argc, argv); }
