Feature: Keeping a body's distribution list
  As a secretariat officer
  I want to keep the list of the people told of a body's decisions, with the language each reads and whether they sit on the extended Bureau
  So that the right people are told of every decision, in their language, and the record says who was on the list when

  Background:
    Given the body cybercrime-egm is established on 21 December 2010

  Rule: Subscribers are told in their language; members of the extended Bureau are marked as such

    Example: The focal points of two Member States are put on the list
      When "focal.point@mission-austria.example" (Maria Huber of Austria) subscribes to cybercrime-egm on 2 December 2019, in English, as a member of the extended Bureau
      And "pointfocal@mission-france.example" (Jean Dupont of France) subscribes to cybercrime-egm on 3 December 2019, in French
      Then the distribution list of cybercrime-egm reads:
        | address                              | name        | delegation | language | bureau |
        | focal.point@mission-austria.example  | Maria Huber | Austria    | en       | yes    |
        | pointfocal@mission-france.example    | Jean Dupont | France     | fr       | no     |

    Example: Subscribing an address again changes how it is written to
      Given "pointfocal@mission-france.example" (Jean Dupont of France) subscribes to cybercrime-egm on 3 December 2019, in English
      When "pointfocal@mission-france.example" (Jean Dupont of France) subscribes to cybercrime-egm on 4 December 2019, in French
      Then the distribution list of cybercrime-egm reads:
        | address                           | name        | delegation | language | bureau |
        | pointfocal@mission-france.example | Jean Dupont | France     | fr       | no     |

    Example: Subscribing an address again exactly as it is changes nothing
      Given "pointfocal@mission-france.example" (Jean Dupont of France) subscribes to cybercrime-egm on 3 December 2019, in French
      When "pointfocal@mission-france.example" (Jean Dupont of France) subscribes to cybercrime-egm on 4 December 2019, in French
      Then the officer is told "pointfocal@mission-france.example is already on the distribution list of cybercrime-egm, as given"
      And nothing is recorded

  Rule: Only an address on the list is taken off it

    Example: A subscriber leaves the list
      Given "pointfocal@mission-france.example" (Jean Dupont of France) subscribes to cybercrime-egm on 3 December 2019, in French
      When "POINTFOCAL@mission-france.example" unsubscribes from cybercrime-egm on 1 March 2020
      Then the distribution list of cybercrime-egm is empty

    Example: An address that is not on the list cannot leave it
      Given "pointfocal@mission-france.example" (Jean Dupont of France) subscribes to cybercrime-egm on 3 December 2019, in French
      When "someone@elsewhere.example" unsubscribes from cybercrime-egm on 1 March 2020
      Then the officer is told "someone@elsewhere.example is not on the distribution list of cybercrime-egm"
      And nothing is recorded

  Rule: Only a body on record has a distribution list

    Example: Subscribing to a body that was never established is refused
      When "pointfocal@mission-france.example" (Jean Dupont of France) subscribes to ccpcj on 3 December 2019, in French
      Then the officer is told "there is no body 'ccpcj'; establish it first"
      And nothing is recorded

  Rule: Changes to a list are recorded in the order they take effect

    Example: A change dated before the last one is refused
      Given "pointfocal@mission-france.example" (Jean Dupont of France) subscribes to cybercrime-egm on 3 December 2019, in French
      When "focal.point@mission-austria.example" (Maria Huber of Austria) subscribes to cybercrime-egm on 2 December 2019, in English
      Then the officer is told "this change takes effect on 2019-12-02, before the last one recorded for the distribution list of cybercrime-egm (2019-12-03); changes to a list are recorded in the order they take effect"
      And nothing is recorded
