/** Path-based navigation (the API serves index.html for every non-API path). */
class Router {
  #path = $state(location.pathname);

  constructor() {
    addEventListener('popstate', () => (this.#path = location.pathname));
  }

  get path(): string {
    return this.#path;
  }

  go(path: string): void {
    if (path !== this.#path) {
      history.pushState(null, '', path);
      this.#path = path;
    }
  }
}

export const router = new Router();
