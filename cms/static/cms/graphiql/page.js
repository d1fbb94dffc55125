// Starts GraphiQL (with the query explorer) on #graphiql. The bundles it
// uses are loaded before it by the page; its options come from the element's
// data attributes, so the page needs no inline script.
(function () {
  "use strict";

  var root = document.getElementById("graphiql");
  var options = root.dataset;

  // The query, variables and operation name live in the URL's fragment, so
  // that a link opens the same query.
  var parameters = {};
  window.location.hash
    .slice(1)
    .split("&")
    .forEach(function (entry) {
      var eq = entry.indexOf("=");
      if (eq >= 0) {
        parameters[decodeURIComponent(entry.slice(0, eq))] = decodeURIComponent(
          entry.slice(eq + 1),
        );
      }
    });

  function updateURL() {
    var fragment = Object.keys(parameters)
      .filter(function (key) {
        return parameters[key];
      })
      .map(function (key) {
        return encodeURIComponent(key) + "=" + encodeURIComponent(parameters[key]);
      })
      .join("&");
    var here = window.location.pathname + window.location.search;
    window.history.replaceState(null, "", fragment ? here + "#" + fragment : here);
  }

  function setParameter(key) {
    return function (value) {
      parameters[key] = value;
      updateURL();
    };
  }

  // Marks GraphiQL's requests: where GraphiQL is served (development), they
  // may run any query even with GRAPHQL_TRUSTED_DOCUMENTS_ONLY on.
  var headers = { "X-GraphiQL": "1" };
  var csrfToken = ("; " + document.cookie).split("; csrftoken=")[1];
  if (csrfToken) {
    headers["X-CSRFToken"] = csrfToken.split(";")[0];
  }

  // The API answers queries only (no subscriptions), so no websocket client.
  var fetcher = window.GraphiQL.createFetcher({
    url: window.location.pathname,
    headers: headers,
  });

  var onEditVariables = setParameter("variables");
  var onEditOperationName = setParameter("operationName");
  var onEditQuery = setParameter("query");

  function App() {
    var state = window.React.useState(parameters.query);
    var query = state[0];
    var setQuery = state[1];

    function handleQuery(newQuery) {
      setQuery(newQuery);
      onEditQuery(newQuery);
    }

    var explorer = window.GraphiQLPluginExplorer.useExplorerPlugin({
      query: query,
      onEdit: handleQuery,
    });

    return window.React.createElement(window.GraphiQL, {
      fetcher: fetcher,
      plugins: [explorer],
      defaultEditorToolsVisibility: true,
      query: query,
      variables: parameters.variables,
      operationName: parameters.operationName,
      onEditQuery: handleQuery,
      onEditVariables: onEditVariables,
      onEditOperationName: onEditOperationName,
      isHeadersEditorEnabled: options.headerEditorEnabled === "true",
      shouldPersistHeaders: options.shouldPersistHeaders === "true",
      inputValueDeprecation: options.inputValueDeprecation === "true",
    });
  }

  window.ReactDOM.render(window.React.createElement(App), root);
})();
