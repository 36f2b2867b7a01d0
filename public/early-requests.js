// Starts the first page's code and API requests while the app's own code is still on its way: a
// classic script in index.html's head (the CSP allows scripts from this origin, none inline), so
// it runs before the app's module.
// - Code: the files of the routes the address opens (src/app/router.tsx), preloaded beside the
//   entry instead of after it has run. The build fills in ROUTE_FILES (vite-plugins/route-preloads.ts);
//   in the source, and so on the dev server, it is empty.
// - Data: the app takes each answer once, through src/api/early-requests.ts; a page whose requests
//   are not listed here fetches its own, as before.
;(function () {
  var ROUTE_FILES = {}

  /** `<link rel=modulepreload>` (a stylesheet for CSS) for each file of the named route modules. */
  function preload(routes) {
    var seen = {}
    for (var r = 0; r < routes.length; r += 1) {
      var files = ROUTE_FILES[routes[r]] || []
      for (var f = 0; f < files.length; f += 1) {
        if (seen[files[f]]) continue
        seen[files[f]] = true
        var link = document.createElement('link')
        // As Vite's own preloads do (its helper then skips these files): stylesheets, CORS mode.
        link.rel = /\.css$/.test(files[f]) ? 'stylesheet' : 'modulepreload'
        link.crossOrigin = ''
        link.href = files[f]
        document.head.appendChild(link)
      }
    }
  }

  try {
    // The credential as src/api/auth-token.ts keeps it: an API token, or a person's access token.
    var token = sessionStorage.getItem('ubiops.token') || localStorage.getItem('ubiops.token')
    var access = JSON.parse(
      sessionStorage.getItem('ubiops.access') || localStorage.getItem('ubiops.access') || 'null',
    )
    var authorization = token
      ? 'Token ' + token
      : access && typeof access.access === 'string' && access.access
        ? 'Bearer ' + access.access
        : null
    var parts = location.pathname.split('/').filter(Boolean)
    var isList = parts.length === 0 || (parts.length === 1 && parts[0] === 'organizations')
    var organizationPages = { settings: 'organization-settings', members: 'members', usage: 'usage' }
    var isOrganization = parts[0] === 'organizations' && parts.length >= 2

    // The data first: of all that the page waits for, it takes the server longest.
    if (authorization && parts[0] !== 'sign-in' && (isList || isOrganization) && window.fetch) {
      var paths = ['/user']
      if (isList) paths.push('/organizations')
      else {
        var organization = '/organizations/' + encodeURIComponent(decodeURIComponent(parts[1]))
        paths.push(organization)
        if (parts.length === 2) paths.push(organization + '/resources')
        else if (parts[2] === 'members') paths.push(organization + '/users')
      }
      var responses = {}
      for (var i = 0; i < paths.length; i += 1)
        responses['/api' + paths[i]] = fetch('/api' + paths[i], {
          headers: { Accept: 'application/json', Authorization: authorization },
        })
      window.__ubiopsEarlyRequests = { authorization: authorization, responses: responses }
    }

    // The routes each address opens, as in src/app/router.tsx; without a credential, every page
    // but sign-in sends there. A signed-in page's first answer needs the checks (src/api/answers.ts).
    if (parts[0] === 'sign-in' || !authorization) preload(['sign-in'])
    else if (isList) preload(['app-layout', 'organizations', 'validate'])
    else if (
      isOrganization &&
      (parts.length === 2 || Object.prototype.hasOwnProperty.call(organizationPages, parts[2]))
    )
      preload([
        'app-layout',
        'organization-layout',
        // The monthly report is a route of its own below usage (…/usage/report).
        parts[2] === 'usage' && parts[3] === 'report'
          ? 'usage-report'
          : organizationPages[parts[2]] || 'organization-overview',
        'validate',
      ])
    else preload(['app-layout', 'not-found'])
  } catch {
    // Storage refused, a malformed address or stored value: the app loads its own code and data.
  }
})()
