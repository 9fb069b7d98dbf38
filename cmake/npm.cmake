# npm packages pinned by a package-lock.json in the source tree, installed by `npm ci` into the
# build tree (never beside the sources), again only when package.json or the lock changes.

find_program(PERFGATE_NPM npm)
if(NOT PERFGATE_NPM)
  message(FATAL_ERROR "npm not found: run scripts/bootstrap, which installs Debian's nodejs and npm")
endif()

# perfgate_npm_ci(<target> <source dir>): the target installs what <source dir>/package-lock.json
# pins into <build>/npm/<target>/node_modules. Sets <target>_MODULES to that folder and
# <target>_STAMP to a file that changes whenever it was installed again: rules that read files
# from node_modules depend on the stamp, since no rule names those files as its output.
function(perfgate_npm_ci target source_dir)
  set(dir ${CMAKE_BINARY_DIR}/npm/${target})
  set(stamp ${dir}/npm-ci.stamp)
  file(MAKE_DIRECTORY ${dir})
  add_custom_command(
    OUTPUT ${stamp}
    COMMAND ${CMAKE_COMMAND} -E copy ${source_dir}/package.json ${source_dir}/package-lock.json
            ${dir}
    # No install scripts: the packages are files to serve or to require, never built here.
    COMMAND ${PERFGATE_NPM} ci --no-audit --no-fund --ignore-scripts --loglevel=error
    COMMAND ${CMAKE_COMMAND} -E touch ${stamp}
    WORKING_DIRECTORY ${dir}
    DEPENDS ${source_dir}/package.json ${source_dir}/package-lock.json
    COMMENT "npm ci: the packages of ${source_dir}/package-lock.json"
    VERBATIM)
  add_custom_target(${target} DEPENDS ${stamp})
  set(${target}_MODULES ${dir}/node_modules PARENT_SCOPE)
  set(${target}_STAMP ${stamp} PARENT_SCOPE)
endfunction()
