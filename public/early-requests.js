// Starts the first page's API requests while the app's code is still on its way: a classic script
// in index.html's head (the CSP allows scripts from this origin, none inline), so it runs before
// the app's module. The app takes each answer once, through src/api/early-requests.ts; a page whose
// requests are not listed here fetches its own, as before.
;(function () {
  try {
    // The credential as src/api/auth-token.ts keeps it: an API token, or a person's access token.
    var token = sessionStorage.getItem('ubiops.token') || localStorage.getItem('ubiops.token')
    var access = JSON.parse(sessionStorage.getItem('ubiops.access') || localStorage.getItem('ubiops.access') || 'null')
    var authorization = token
      ? 'Token ' + token
      : access && typeof access.access === 'string' && access.access
        ? 'Bearer ' + access.access
        : null
    if (!authorization || !window.fetch) return
    var parts = location.pathname.split('/').filter(Boolean)
    var paths = ['/user']
    if (parts.length === 0 || (parts.length === 1 && parts[0] === 'organizations'))
      paths.push('/organizations')
    else if (parts[0] === 'organizations') {
      var organization = '/organizations/' + encodeURIComponent(decodeURIComponent(parts[1]))
      paths.push(organization)
      if (parts.length === 2) paths.push(organization + '/resources')
      else if (parts[2] === 'members') paths.push(organization + '/users')
    } else return
    var responses = {}
    for (var i = 0; i < paths.length; i += 1)
      responses['/api' + paths[i]] = fetch('/api' + paths[i], {
        headers: { Accept: 'application/json', Authorization: authorization },
      })
    window.__ubiopsEarlyRequests = { authorization: authorization, responses: responses }
  } catch {
    // Storage refused, a malformed address or stored value: the app fetches its own data.
  }
})()
