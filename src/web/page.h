// The frame every page of the web UI shares: the document around a page's content (its
// styles and scripts, the navigation, the API token panel) and the answer that carries it.
//
// Pages are rendered on the server and read without JavaScript; perfgate.js (on every page)
// and a page's own module only add what needs it: live updates, the log, the buttons.
#pragma once

#include <string>
#include <vector>

#include "web/api_error.h"
#include "web/api_handler.h"

namespace perfgate {

struct Page {
  std::string title;    // text, escaped when rendered
  std::string nav;      // the path of the navigation entry the page belongs to ("/"); may be empty
  std::string content;  // the HTML of <main>
  // Embedded files (assets.h) the page needs beside perfgate.js and perfgate.css: its own
  // module ("queue.js"), and e.g. "uplot.min.js" with "uplot.min.css" for one that draws
  // charts. Scripts run in order, deferred.
  std::vector<std::string> scripts = {};
  std::vector<std::string> styles = {};
};

// `page` as a whole document: 200 (or `status`) text/html, never cached (it shows the store
// as it is), with a Content-Security-Policy that lets only the server's own scripts and styles
// run and connect, as defence in depth behind the escaping of everything from outside.
ApiResponse HtmlPage(const Page& page, int status = 200);

// An error answered as a page with the error's status: what, where and how to fix it. A
// missing or refused read token (401, 403 on a read) asks for the token in a form that sends
// it as ?token= (page_auth.h).
ApiResponse ErrorPage(const ApiError& error);

}  // namespace perfgate
