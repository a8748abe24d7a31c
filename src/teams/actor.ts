/** The person Flokk has not met yet: they are asked which organisation they represent first. */
export class RegistrationNeeded extends Error {
  constructor() {
    super('registration needed');
    this.name = 'RegistrationNeeded';
  }
}
